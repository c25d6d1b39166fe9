namespace Matcher.Gallery.Subjects;

/// <summary>Everything kept of one enrolled subject. Sensitive: never log it.</summary>
public sealed record SubjectRecord(SubjectKey Key, IReadOnlyList<EnrolledFinger> Fingers, EnrolledFace? Face, DateTimeOffset EnrolledAt)
{
    public EnrolledFinger? Finger(int position) => Fingers.FirstOrDefault(f => f.Position == position);
}
