using Matcher.Core.Scoring;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// Subjects are people, as in a ten-print search: files named PPP_F_S (person, finger position, scan). Two captures
/// are compared finger by finger, position against the same position only, and the scores of the first k positions
/// both captures have (in position order) are fused as the service fuses them (<see cref="ScoreFusion"/>). Genuine:
/// two scans of one person; impostor: every scan of one person against every scan of another. A pair with fewer than
/// k common positions does not count for k. A finger that failed to extract scores 0, as in the all-pairs protocol.
/// </summary>
internal static class MultiFingerProtocol
{
    /// <summary>Stands for "every position both captures have".</summary>
    public const int AllFingers = int.MaxValue;

    /// <summary>The finger counts reported: one finger as the single-finger baseline, then more fused.</summary>
    public static IReadOnlyList<int> ReportedCounts { get; } = [1, 2, 4, AllFingers];

    public static IReadOnlyList<FusedResult> Run(LoadedDatabase database, IReadOnlyList<int> fingerCounts)
    {
        var captures = Captures(database);
        var people = captures.Keys.Select(k => k.Person).Distinct().Order(StringComparer.Ordinal).ToList();
        var genuine = fingerCounts.ToDictionary(k => k, _ => new List<double>());
        var impostor = fingerCounts.ToDictionary(k => k, _ => new List<double>());
        var keys = captures.Keys.OrderBy(k => k.Person, StringComparer.Ordinal).ThenBy(k => k.Scan).ToList();
        for (var a = 0; a < keys.Count; a++)
        {
            for (var b = a + 1; b < keys.Count; b++)
            {
                var sameTarget = keys[a].Person == keys[b].Person ? genuine : impostor;
                var scores = FingerScores(database, captures[keys[a]], captures[keys[b]]);
                foreach (var count in fingerCounts)
                {
                    var used = count == AllFingers ? scores.Count : count;
                    if (scores.Count >= used && used > 0)
                    {
                        sameTarget[count].Add(ScoreFusion.Fuse(scores.Take(used)));
                    }
                }
            }
        }
        return fingerCounts.Select(k => new FusedResult(k, people.Count, genuine[k], impostor[k])).ToList();
    }

    /// <summary>Whether every file of the database names its person (PPP_F_S), which this protocol needs.</summary>
    public static bool NamesPeople(FingerprintDatabase database) =>
        database.Samples.All(s => s.Finger.Split('_') is [_, var position] && int.TryParse(position, out _));

    /// <summary>Scores of the positions both captures have, in position order.</summary>
    private static List<double> FingerScores(LoadedDatabase database, SortedDictionary<int, int> first, SortedDictionary<int, int> second)
    {
        var scores = new List<double>();
        foreach (var (position, i) in first)
        {
            if (second.TryGetValue(position, out var j))
            {
                var (probe, candidate) = i < j ? (database.Probes[i], database.Candidates[j]) : (database.Probes[j], database.Candidates[i]);
                scores.Add(probe is not null && candidate is not null ? FingerprintMatcher.Compare(probe, candidate) : 0);
            }
        }
        return scores;
    }

    /// <summary>Each (person, scan) with its files by finger position.</summary>
    private static Dictionary<(string Person, int Scan), SortedDictionary<int, int>> Captures(LoadedDatabase database)
    {
        var captures = new Dictionary<(string, int), SortedDictionary<int, int>>();
        for (var i = 0; i < database.Samples.Count; i++)
        {
            var sample = database.Samples[i];
            var parts = sample.Finger.Split('_');
            var key = (parts[0], sample.Impression);
            if (!captures.TryGetValue(key, out var fingers))
            {
                captures[key] = fingers = new SortedDictionary<int, int>();
            }
            fingers[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)] = i;
        }
        return captures;
    }
}

/// <summary>Fused scores of people compared with <see cref="Fingers"/> fingers (or all they share).</summary>
internal sealed record FusedResult(int Fingers, int People, IReadOnlyList<double> Genuine, IReadOnlyList<double> Impostor)
{
    public string Label => Fingers == MultiFingerProtocol.AllFingers ? "all fingers" : Fingers == 1 ? "1 finger" : $"{Fingers} fingers";
}
