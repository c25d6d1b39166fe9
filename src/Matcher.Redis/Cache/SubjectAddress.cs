namespace Matcher.Redis.Cache;

/// <summary>Where a subject lives: the gallery and the subject id within it.</summary>
public readonly record struct SubjectAddress(string Gallery, string SubjectId)
{
    public override string ToString() => $"{Gallery}/{SubjectId}";
}
