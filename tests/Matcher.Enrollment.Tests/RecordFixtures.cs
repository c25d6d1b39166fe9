using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;

namespace Matcher.Enrollment.Tests;

internal static class RecordFixtures
{
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

    public static SubjectRecord FaceSubject(string gallery, string id, float[] embedding) =>
        new(new SubjectKey(gallery, id), [new EnrolledFace("model-a", embedding, 80)], DateTimeOffset.UnixEpoch);
}
