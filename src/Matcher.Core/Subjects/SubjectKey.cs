namespace Matcher.Core.Subjects;

/// <summary>A subject is identified by its id within a named gallery.</summary>
public readonly record struct SubjectKey(string Gallery, string SubjectId)
{
    public override string ToString() => $"{Gallery}/{SubjectId}";
}
