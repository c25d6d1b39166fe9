using Matcher.Core.Subjects;
using Matcher.Gallery;
using Matcher.Gallery.Search;

namespace Matcher.Enrollment;

/// <summary>The samples of one request, of every modality, extracted and ready to search with or to enroll.</summary>
public sealed record SubjectSamples(IReadOnlyList<EnrolledSample> Samples)
{
    public SearchProbe ToProbe(SubjectIndex index) => index.Prepare(Samples);

    public SubjectRecord ToRecord(SubjectKey key, DateTimeOffset enrolledAt) => new(key, Samples, enrolledAt);
}
