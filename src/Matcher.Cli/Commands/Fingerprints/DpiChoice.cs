using System.Globalization;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// The scanner resolution per database: <c>--dpi N</c> for all, <c>--dpi-override DB2_B=569</c> (repeatable, or
/// comma-separated) for some.
/// </summary>
internal sealed class DpiChoice
{
    private readonly int? _default;
    private readonly Dictionary<string, int> _overrides = new(StringComparer.Ordinal);

    public DpiChoice(CliArguments arguments)
    {
        _default = arguments.IntOption("dpi");
        var items = arguments.Options("dpi-override")
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var item in items)
        {
            var parts = item.Split('=');
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var dpi) || dpi <= 0)
            {
                throw new CliUsageException($"--dpi-override expects NAME=DPI items separated by commas, such as DB2_B=569; '{item}' is not one.");
            }
            _overrides[parts[0]] = dpi;
        }
    }

    public int? For(string database) => _overrides.TryGetValue(database, out var dpi) ? dpi : _default;

    /// <summary>Names given in --dpi-override that match no database: most likely typos.</summary>
    public IEnumerable<string> Unmatched(FingerprintDataset dataset) =>
        _overrides.Keys.Where(name => dataset.Databases.All(d => d.Name != name));
}
