using System.Diagnostics;
using Matcher.Cli.Display;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// Compares every pair of files of one database once, the earlier file (by name) as the prepared probe. Same finger
/// id = genuine pair; different = impostor. A pair with a file that failed to extract scores 0 (a non-match).
/// Speed is measured apart from scoring: the same comparisons run again, timed on this one thread, so that the figure
/// is the steady state of a running service rather than the runtime's first compilations (with tiered, profile-guided
/// compilation the first passes over a database run partly in unoptimised code).
/// </summary>
internal static class AllPairsProtocol
{
    private const int MinimumTimedPasses = 3;

    private static readonly TimeSpan TimingDuration = TimeSpan.FromSeconds(1);

    public static AllPairsResult Run(LoadedDatabase database, IProgress<ProgressStep> progress)
    {
        var genuine = new List<double>();
        var impostor = new List<double>();
        var samples = database.Samples;
        var pairs = new List<(PreparedProbe Probe, MatchCandidate Candidate)>();
        for (var i = 0; i < samples.Count; i++)
        {
            for (var j = i + 1; j < samples.Count; j++)
            {
                var score = 0.0;
                if (database.Probes[i] is { } probe && database.Candidates[j] is { } candidate)
                {
                    score = FingerprintMatcher.Compare(probe, candidate);
                    pairs.Add((probe, candidate));
                }
                (samples[i].Finger == samples[j].Finger ? genuine : impostor).Add(score);
            }
            progress.Report(new ProgressStep($"{database.Name}: comparing pairs", i + 1, samples.Count));
        }
        var comparisonTime = TimeComparisons(pairs, new ProgressStep($"{database.Name}: timing comparisons", 0, (int)TimingDuration.TotalMilliseconds), progress);
        return new AllPairsResult(database.Name, genuine, impostor, database.Failures.Count, database.ExtractionMilliseconds, pairs.Count, comparisonTime);
    }

    /// <summary>
    /// The fastest of repeated timed passes over the pairs, passes going on for about a second: one pass over a
    /// database lasts only milliseconds, less than the runtime takes to replace its first compilations.
    /// </summary>
    private static TimeSpan TimeComparisons(List<(PreparedProbe Probe, MatchCandidate Candidate)> pairs, ProgressStep stage, IProgress<ProgressStep> progress)
    {
        var fastest = TimeSpan.MaxValue;
        var total = 0.0;
        var timing = Stopwatch.StartNew();
        for (var pass = 0; pass < MinimumTimedPasses || timing.Elapsed < TimingDuration; pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            foreach (var (probe, candidate) in pairs)
            {
                total += FingerprintMatcher.Compare(probe, candidate);
            }
            fastest = TimeSpan.FromTicks(Math.Min(fastest.Ticks, stopwatch.Elapsed.Ticks));
            progress.Report(stage with { Done = (int)Math.Min(timing.Elapsed.TotalMilliseconds, stage.Total) });
        }
        // Keeping the sum alive keeps the timed comparisons from being optimised away.
        GC.KeepAlive(total);
        progress.Report(stage with { Done = stage.Total });
        return fastest;
    }
}
