using System.Globalization;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Matcher.Imaging;

namespace Matcher.Population.Validation;

/// <summary>
/// The real fingers the validation compares with: the FVC2002 and FVC2000 B images under the datasets folder,
/// extracted with the project's own extractor at each database's documented resolution (FVC2002 DB2_B 569 dpi, the
/// others 500).
/// </summary>
public static class RealFingerprintSet
{
    /// <summary>
    /// Each database folder, its resolution and the group of fingers it shows. FVC2000 DB1_B and DB2_B show the same
    /// fingers on two sensors: measured with our matcher, 433 pairs of equal finger ids across them score 60-135,
    /// and no other cross-database pair reaches 60; so they share one group and such pairs are mates, not impostors.
    /// </summary>
    public static readonly IReadOnlyList<(string Folder, int Dpi, string FingerGroup)> Databases =
    [
        ("fingerprints/fvc2002/DB1_B", 500, "fvc2002/DB1_B"),
        ("fingerprints/fvc2002/DB2_B", 569, "fvc2002/DB2_B"),
        ("fingerprints/fvc2002/DB3_B", 500, "fvc2002/DB3_B"),
        ("fingerprints/fvc2002/DB4_B", 500, "fvc2002/DB4_B"),
        ("fingerprints/fvc2000/DB1_B", 500, "fvc2000/DB1_B+DB2_B"),
        ("fingerprints/fvc2000/DB2_B", 500, "fvc2000/DB1_B+DB2_B"),
        ("fingerprints/fvc2000/DB3_B", 500, "fvc2000/DB3_B"),
        ("fingerprints/fvc2000/DB4_B", 500, "fvc2000/DB4_B"),
    ];

    /// <summary>
    /// Every image named FFF_I.tif of the databases present under <paramref name="datasetsRoot"/> (missing ones are
    /// skipped), extracted on <paramref name="threads"/> threads, in a fixed order; images the extractor refuses are
    /// left out and counted in <paramref name="refused"/>.
    /// </summary>
    public static IReadOnlyList<RealFingerprint> Load(string datasetsRoot, int threads, out int refused)
    {
        var files = Databases
            .Where(d => Directory.Exists(Path.Combine(datasetsRoot, d.Folder)))
            .SelectMany(d => Directory.GetFiles(Path.Combine(datasetsRoot, d.Folder), "*.tif")
                .Order(StringComparer.Ordinal)
                .Select(path => (d.FingerGroup, d.Dpi, Path: path)))
            .ToList();
        var extractor = new FingerprintExtractor();
        var loaded = new RealFingerprint?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var (group, dpi, path) = files[i];
            try
            {
                var template = extractor.Extract(ImageDecoder.DecodeGray(File.ReadAllBytes(path)), dpi).Template;
                loaded[i] = new RealFingerprint(group, FingerOf(path), template);
            }
            catch (BiometricInputException)
            {
                loaded[i] = null;
            }
        });
        refused = loaded.Count(f => f is null);
        return [.. loaded.OfType<RealFingerprint>()];
    }

    /// <summary>FFF of FFF_I.tif.</summary>
    private static string FingerOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        return separator > 0 ? name[..separator] : name.ToString(CultureInfo.InvariantCulture);
    }
}
