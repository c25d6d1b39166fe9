namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>Calibrated scores of every pair of one database (or several pooled), with extraction and speed figures.</summary>
internal sealed record AllPairsResult(
    string Name,
    IReadOnlyList<double> Genuine,
    IReadOnlyList<double> Impostor,
    int FailedToExtract,
    IReadOnlyList<double> ExtractionMilliseconds,
    int TimedComparisons,
    TimeSpan ComparisonTime)
{
    public double ComparisonsPerSecond => TimedComparisons / Math.Max(1e-9, ComparisonTime.TotalSeconds);

    public double? ExtractionMillisecondsMedian
    {
        get
        {
            if (ExtractionMilliseconds.Count == 0)
            {
                return null;
            }
            var sorted = ExtractionMilliseconds.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public static AllPairsResult Pool(string name, IReadOnlyList<AllPairsResult> parts) => new(
        name,
        parts.SelectMany(p => p.Genuine).ToList(),
        parts.SelectMany(p => p.Impostor).ToList(),
        parts.Sum(p => p.FailedToExtract),
        parts.SelectMany(p => p.ExtractionMilliseconds).ToList(),
        parts.Sum(p => p.TimedComparisons),
        parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.ComparisonTime));
}
