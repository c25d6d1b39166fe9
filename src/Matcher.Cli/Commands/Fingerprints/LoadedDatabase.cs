using Matcher.Cli.Display;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// One database with every file turned into a prepared probe and a candidate. A file that cannot be used (no
/// finger, too few minutiae, damaged template) is kept as a failure with its reason; its pairs count as non-matches.
/// </summary>
internal sealed class LoadedDatabase
{
    private LoadedDatabase(FingerprintDatabase database, PreparedProbe?[] probes, MatchCandidate?[] candidates,
        Dictionary<string, string> failures, List<double> extractionMilliseconds)
    {
        Database = database;
        Probes = probes;
        Candidates = candidates;
        Failures = failures;
        ExtractionMilliseconds = extractionMilliseconds;
    }

    public FingerprintDatabase Database { get; }

    public string Name => Database.Name;

    public IReadOnlyList<FingerprintSample> Samples => Database.Samples;

    public IReadOnlyList<PreparedProbe?> Probes { get; }

    public IReadOnlyList<MatchCandidate?> Candidates { get; }

    /// <summary>File name to reason code, for every file that could not be used.</summary>
    public IReadOnlyDictionary<string, string> Failures { get; }

    /// <summary>Decode-and-extract time of every image (empty for template files).</summary>
    public IReadOnlyList<double> ExtractionMilliseconds { get; }

    public static LoadedDatabase Load(FingerprintDatabase database, int? dpi, FingerprintExtractor extractor, IProgress<ProgressStep> progress,
        EvalPerturbation? perturbation = null)
    {
        var count = database.Samples.Count;
        var probes = new PreparedProbe?[count];
        var candidates = new MatchCandidate?[count];
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var milliseconds = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var path = database.Samples[i].Path;
            try
            {
                var loaded = FingerprintFile.Load(path, dpi, extractor, perturbation);
                if (loaded.ExtractionMilliseconds is { } elapsed)
                {
                    milliseconds.Add(elapsed);
                }
                probes[i] = new PreparedProbe(loaded.Template);
                candidates[i] = new MatchCandidate(loaded.Template);
            }
            catch (BiometricInputException e)
            {
                failures[Path.GetFileName(path)] = e.ReasonCode;
            }
            progress.Report(new ProgressStep($"{database.Name}: reading files", i + 1, count));
        }
        return new LoadedDatabase(database, probes, candidates, failures, milliseconds);
    }
}
