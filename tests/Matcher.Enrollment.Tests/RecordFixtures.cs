using Matcher.Core.Subjects;
using Matcher.Face.Indexing;

namespace Matcher.Enrollment.Tests;

internal static class RecordFixtures
{
    public static SubjectRecord FaceSubject(string gallery, string id, float[] embedding) =>
        new(new SubjectKey(gallery, id), [new EnrolledFace("model-a", embedding, 80)], DateTimeOffset.UnixEpoch);
}
