using System.Diagnostics;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// Compares every pair of files of one database once, the earlier file (by name) as the prepared probe. Same finger
/// id = genuine pair; different = impostor. A pair with a file that failed to extract scores 0 (a non-match).
/// Only real comparisons are timed, on this one thread, after a short warm-up so that the figure is the steady
/// state of a running service rather than the runtime's first, unoptimised compilation.
/// </summary>
internal static class AllPairsProtocol
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(300);

    public static AllPairsResult Run(LoadedDatabase database)
    {
        WarmUpMatcher(database);
        var genuine = new List<double>();
        var impostor = new List<double>();
        var timed = 0;
        var stopwatch = new Stopwatch();
        var samples = database.Samples;
        for (var i = 0; i < samples.Count; i++)
        {
            for (var j = i + 1; j < samples.Count; j++)
            {
                var score = 0.0;
                if (database.Probes[i] is { } probe && database.Candidates[j] is { } candidate)
                {
                    stopwatch.Start();
                    score = FingerprintMatcher.Compare(probe, candidate);
                    stopwatch.Stop();
                    timed++;
                }
                (samples[i].Finger == samples[j].Finger ? genuine : impostor).Add(score);
            }
        }
        return new AllPairsResult(database.Name, genuine, impostor, database.Failures.Count, database.ExtractionMilliseconds, timed, stopwatch.Elapsed);
    }

    private static void WarmUpMatcher(LoadedDatabase database)
    {
        var probe = database.Probes.FirstOrDefault(p => p is not null);
        var candidates = database.Candidates.OfType<MatchCandidate>().ToList();
        if (probe is null || candidates.Count == 0)
        {
            return;
        }
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < WarmUp)
        {
            foreach (var candidate in candidates)
            {
                FingerprintMatcher.Compare(probe, candidate);
            }
        }
    }
}
