using Matcher.Fingerprint.Templates;
using Matcher.Testing;

namespace Matcher.Benchmarks.Fingerprint;

/// <summary>The SecuGen ISO templates of FVC2002 DB1_B, and seeded jittered copies of them for gallery-sized sets.</summary>
internal static class IsoTemplates
{
    public static FingerprintTemplate[] Db1() =>
        Directory.GetFiles(Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002/DB1_B"), "*.iso")
            .Order(StringComparer.Ordinal)
            .Select(path => TemplateCodecs.Import(File.ReadAllBytes(path))[0].Template)
            .ToArray();

    /// <summary>
    /// <paramref name="count"/> templates cycling through <paramref name="sources"/>, each minutia moved by up to 4 px and
    /// turned by up to 8 degrees, so the gallery is not 125 copies of the same 80 templates.
    /// </summary>
    public static IEnumerable<FingerprintTemplate> Jittered(FingerprintTemplate[] sources, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var source = sources[i % sources.Length];
            yield return new FingerprintTemplate(source.Width, source.Height, source.Minutiae.Select(m => m with
            {
                X = m.X + random.Next(-4, 5),
                Y = m.Y + random.Next(-4, 5),
                Direction = (float)((m.Direction + (random.NextDouble() * 2 - 1) * Math.PI / 22.5 + 2 * Math.PI) % (2 * Math.PI)),
            }).ToList(), source.SampleQuality);
        }
    }
}
