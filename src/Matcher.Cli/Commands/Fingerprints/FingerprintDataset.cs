using System.Text.RegularExpressions;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// A folder of FVC-style files named FFF_I.ext (finger FFF, impression I) or PPP_F_I.ext (person PPP, finger F, as the
/// CrossMatch sample names them), or a folder of such folders (one database each). Files of one database are ordered by name, which fixes which file of a pair is the probe.
/// </summary>
internal sealed partial record FingerprintDataset(IReadOnlyList<FingerprintDatabase> Databases)
{
    public static FingerprintDataset Open(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CliUsageException($"Dataset folder '{directory}' does not exist.");
        }
        var own = Samples(directory);
        if (own.Count > 0)
        {
            return new FingerprintDataset([new FingerprintDatabase(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), own)]);
        }
        var databases = Directory.GetDirectories(directory)
            .Order(StringComparer.Ordinal)
            .Select(d => new FingerprintDatabase(Path.GetFileName(d), Samples(d)))
            .Where(d => d.Samples.Count > 0)
            .ToList();
        if (databases.Count == 0)
        {
            throw new CliUsageException($"No files named like 101_1.tif or 101_1.iso in '{directory}' or its subfolders.");
        }
        return new FingerprintDataset(databases);
    }

    private static List<FingerprintSample> Samples(string directory)
    {
        var samples = Directory.GetFiles(directory)
            .Select(path => (path, match: SampleName().Match(Path.GetFileName(path))))
            .Where(f => f.match.Success)
            .Select(f => new FingerprintSample(f.path, f.match.Groups[1].Value, int.Parse(f.match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(s => Path.GetFileName(s.Path), StringComparer.Ordinal)
            .ToList();
        var duplicate = samples.GroupBy(s => (s.Finger, s.Impression)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CliUsageException(
                $"'{directory}' holds several files for finger {duplicate.Key.Finger} impression {duplicate.Key.Impression}: {string.Join(", ", duplicate.Select(s => Path.GetFileName(s.Path)))}.");
        }
        return samples;
    }

    [GeneratedRegex(@"^(\d+(?:_\d+)?)_(\d+)\.(tif|tiff|png|bmp|jpg|jpeg|pgm|webp|wsq|iso|ansi|fmr|dat|tpl)$", RegexOptions.IgnoreCase)]
    private static partial Regex SampleName();
}

internal sealed record FingerprintDatabase(string Name, IReadOnlyList<FingerprintSample> Samples);

internal sealed record FingerprintSample(string Path, string Finger, int Impression);
