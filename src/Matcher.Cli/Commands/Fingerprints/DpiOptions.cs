using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Fingerprint.Extraction;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// <c>--dpi N</c> for every image, and <c>--dpi-override DB2_B=569</c> (repeatable, or comma-separated) for the
/// databases scanned at another resolution. Both are checked by the parser, within the extractor's range.
/// </summary>
internal sealed class DpiOptions
{
    private readonly Option<int?> _dpi = Dpi("Scanner resolution of the images (templates carry their own).", required: false);

    private readonly Option<IReadOnlyList<KeyValuePair<string, int>[]>> _overrides = CliValues.Repeated("--dpi-override", "DB=DPI[,DB=DPI...]",
        "Resolution of the named databases (sub-folders), such as DB2_B=569; repeatable.", ParseOverrides);

    public IEnumerable<Option> Options => [_dpi, _overrides];

    /// <summary>--dpi, from the lowest to the highest resolution the extractor accepts.</summary>
    public static Option<int?> Dpi(string description, bool required)
    {
        var option = CliValues.WholeNumber("--dpi", description, FingerprintExtractor.MinDpi, FingerprintExtractor.MaxDpi);
        option.Required = required;
        return option;
    }

    public DpiChoice Read(ParseResult parsed)
    {
        var overrides = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (database, dpi) in (parsed.GetValue(_overrides) ?? []).SelectMany(items => items))
        {
            overrides[database] = dpi;
        }
        return new DpiChoice(parsed.GetValue(_dpi), overrides);
    }

    private static KeyValuePair<string, int>[] ParseOverrides(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item =>
        {
            var parts = item.Split('=');
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new CliUsageException($"--dpi-override expects NAME=DPI items separated by commas, such as DB2_B=569; '{item}' is not one.");
            }
            var dpi = CliValues.ParseWholeNumber($"The resolution of {parts[0]} in --dpi-override", parts[1], FingerprintExtractor.MinDpi, FingerprintExtractor.MaxDpi);
            return KeyValuePair.Create(parts[0], dpi);
        }).ToArray();
}
