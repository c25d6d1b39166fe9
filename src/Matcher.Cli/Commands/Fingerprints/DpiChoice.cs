namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// The scanner resolution per database: one for all (--dpi), replaced for some by name (--dpi-override DB2_B=569).
/// </summary>
internal sealed class DpiChoice(int? all, IReadOnlyDictionary<string, int> overrides)
{
    public int? For(string database) => overrides.TryGetValue(database, out var dpi) ? dpi : all;

    /// <summary>Names given in --dpi-override that match no database: most likely typos.</summary>
    public IEnumerable<string> Unmatched(FingerprintDataset dataset) =>
        overrides.Keys.Where(name => dataset.Databases.All(d => d.Name != name));
}
