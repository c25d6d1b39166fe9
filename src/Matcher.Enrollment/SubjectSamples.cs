using Matcher.Gallery.Search;
using Matcher.Gallery.Subjects;

namespace Matcher.Enrollment;

/// <summary>The samples of one request, extracted and ready to search with or to enroll.</summary>
public sealed record SubjectSamples(IReadOnlyList<EnrolledFinger> Fingers, EnrolledFace? Face)
{
    public SearchProbe ToProbe() => new(Fingers.Select(f => (f.Position, f.Template)), Face?.ModelId, Face?.Embedding);

    public SubjectRecord ToRecord(SubjectKey key, DateTimeOffset enrolledAt) => new(key, Fingers, Face, enrolledAt);
}
