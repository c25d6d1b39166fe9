using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;

namespace Matcher.Gallery.Tests;

internal static class GalleryFixtures
{
    /// <summary>A score map that makes a cosine of 0.3 worth 30 points: a stand-in for a fitted face calibration.</summary>
    public static GalleryOptions Options(int shards = 2, int faceBlockCapacity = FaceIndexFactory.DefaultBlockCapacity) => new()
    {
        ShardCount = shards,
        Modalities = [new FingerprintIndexFactory(), new FaceIndexFactory(cosine => Math.Max(0, cosine) * 100, faceBlockCapacity)],
    };

    public static SubjectRecord FingerSubject(string gallery, string id, FingerprintTemplate template, int position = 2) =>
        new(new SubjectKey(gallery, id), [new EnrolledFinger(position, template, 60)], DateTimeOffset.UnixEpoch);

    public static SubjectRecord FaceSubject(string gallery, string id, float[] embedding) =>
        new(new SubjectKey(gallery, id), [new EnrolledFace("model-a", embedding, 80)], DateTimeOffset.UnixEpoch);
}
