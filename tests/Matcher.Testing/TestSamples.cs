using Matcher.Fingerprint.Templates;

namespace Matcher.Testing;

/// <summary>Biometric samples the test projects share: real templates from the datasets and seeded face-like vectors.</summary>
public static class TestSamples
{
    /// <summary>The SecuGen ISO template of an FVC2002 impression (real minutiae of a real finger).</summary>
    public static FingerprintTemplate IsoTemplate(string database, int finger, int impression)
    {
        var folder = Datasets.Require($"fingerprints/iso19794-2/openafis/fvc2002/{database}");
        return TemplateCodecs.Import(File.ReadAllBytes(Path.Combine(folder, $"{finger}_{impression}.iso")))[0].Template;
    }

    /// <summary>A unit-length vector from <paramref name="random"/>; the same seed gives the same vector in every process.</summary>
    public static float[] UnitVector(Random random, int dimension = 512)
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
}
