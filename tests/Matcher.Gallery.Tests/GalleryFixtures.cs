using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;

namespace Matcher.Gallery.Tests;

internal static class GalleryFixtures
{
    /// <summary>A score map that makes a cosine of 0.3 worth 30 points: a stand-in for a fitted face calibration.</summary>
    public static GalleryOptions Options(int shards = 2, int faceBlockCapacity = FaceIndexFactory.DefaultBlockCapacity) => new()
    {
        ShardCount = shards,
        Modalities = [new FingerprintIndexFactory(), new FaceIndexFactory(cosine => Math.Max(0, cosine) * 100, faceBlockCapacity)],
    };

    /// <summary>The SecuGen ISO template of an FVC2002 impression (real minutiae of a real finger).</summary>
    public static FingerprintTemplate IsoTemplate(string database, int finger, int impression)
    {
        var folder = Datasets.Require($"fingerprints/iso19794-2/openafis/fvc2002/{database}");
        return TemplateCodecs.Import(File.ReadAllBytes(Path.Combine(folder, $"{finger}_{impression}.iso")))[0].Template;
    }

    public static float[] RandomUnitVector(Random random, int dimension = 512)
    {
        var values = new float[dimension];
        double squares = 0;
        for (var i = 0; i < dimension; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
            squares += values[i] * values[i];
        }
        var scale = (float)(1 / Math.Sqrt(squares));
        for (var i = 0; i < dimension; i++)
        {
            values[i] *= scale;
        }
        return values;
    }

    public static SubjectRecord FingerSubject(string gallery, string id, FingerprintTemplate template, int position = 2) =>
        new(new SubjectKey(gallery, id), [new EnrolledFinger(position, template, 60)], DateTimeOffset.UnixEpoch);

    public static SubjectRecord FaceSubject(string gallery, string id, float[] embedding) =>
        new(new SubjectKey(gallery, id), [new EnrolledFace("model-a", embedding, 80)], DateTimeOffset.UnixEpoch);
}
