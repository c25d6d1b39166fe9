using Matcher.Cli.Display;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// Raw scores of every impostor pair: different fingers within a database, and every pair across databases (finger
/// ids restart in each database, so those are always different fingers). Files that failed to extract are left out.
/// </summary>
internal sealed record ImpostorScores(IReadOnlyList<double> Scores, int CrossDatabase)
{
    public static ImpostorScores Collect(IReadOnlyList<LoadedDatabase> databases, IProgress<ProgressStep> progress)
    {
        var entries = databases
            .SelectMany(d => d.Samples.Select((sample, i) => (Database: d.Name, sample.Finger, Probe: d.Probes[i], Candidate: d.Candidates[i])))
            .ToList();
        var scores = new List<double>();
        var crossDatabase = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            progress.Report(new ProgressStep("scoring impostor pairs", i + 1, entries.Count));
            if (entries[i].Probe is not { } probe)
            {
                continue;
            }
            for (var j = i + 1; j < entries.Count; j++)
            {
                var sameDatabase = entries[i].Database == entries[j].Database;
                if (sameDatabase && entries[i].Finger == entries[j].Finger || entries[j].Candidate is not { } candidate)
                {
                    continue;
                }
                scores.Add(FingerprintMatcher.CompareRaw(probe, candidate));
                crossDatabase += sameDatabase ? 0 : 1;
            }
        }
        return new ImpostorScores(scores, crossDatabase);
    }
}
