using System.Globalization;
using System.Text.Json;
using Matcher.Core.Scoring;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>`matcher compare A B`: the calibrated score of two fingerprints, each an image or a template file.</summary>
internal sealed class CompareCommand : ICliCommand
{
    public string Name => "compare";

    public string Usage => "compare PROBE CANDIDATE [--dpi N] [--json]   (images or template files; --dpi for images)";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var probePath = arguments.RequirePositional(0, "probe file");
        var candidatePath = arguments.RequirePositional(1, "candidate file");
        var dpi = arguments.IntOption("dpi");
        var json = arguments.HasFlag("json");
        foreach (var path in new[] { probePath, candidatePath })
        {
            if (!File.Exists(path))
            {
                throw new CliUsageException($"File '{path}' does not exist.");
            }
        }
        var extractor = new FingerprintExtractor();
        var probe = FingerprintFile.Load(probePath, dpi, extractor).Template;
        var candidate = FingerprintFile.Load(candidatePath, dpi, extractor).Template;
        var score = FingerprintMatcher.Compare(probe, candidate);
        var falseMatchRate = MatchScore.ToFalseMatchRate(score);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["score"] = score,
                ["fmr"] = falseMatchRate,
                ["probe_minutiae"] = probe.Minutiae.Count,
                ["candidate_minutiae"] = candidate.Minutiae.Count,
            }));
            return 0;
        }
        var measuredUpTo = FingerprintMatcher.Calibration.MeasuredUpToScore;
        var meaning = score <= measuredUpTo
            ? $"about one impostor comparison in {1 / falseMatchRate:N0} scores this high"
            : $"beyond the measured range: fewer than one impostor comparison in {1 / MatchScore.ToFalseMatchRate(measuredUpTo):N0} scores this high";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"score {score:0.00} ({meaning}); minutiae {probe.Minutiae.Count} and {candidate.Minutiae.Count}"));
        return 0;
    }
}
