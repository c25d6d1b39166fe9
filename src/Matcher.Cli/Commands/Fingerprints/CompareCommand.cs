using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Core.Scoring;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>`matcher compare A B`: the calibrated score of two fingerprints, each an image or a template file.</summary>
internal sealed class CompareCommand : ICliCommand
{
    private readonly Argument<string> _probe = CommonOptions.ExistingFile("PROBE", "The first fingerprint: an image or a template file.");
    private readonly Argument<string> _candidate = CommonOptions.ExistingFile("CANDIDATE", "The second fingerprint: an image or a template file.");
    private readonly Option<int?> _dpi = DpiOptions.Dpi("Scanner resolution of the images (templates carry their own).", required: false);
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "compare";

    public string Description => "Score two fingerprints (images or template files) and say how rare that score is among impostors.";

    public IReadOnlyList<Argument> Arguments => [_probe, _candidate];

    public IReadOnlyList<Option> Options => [_dpi, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var dpi = parsed.GetValue(_dpi);
        var extractor = new FingerprintExtractor();
        var probe = FingerprintFile.Load(parsed.GetRequiredValue(_probe), dpi, extractor).Template;
        var candidate = FingerprintFile.Load(parsed.GetRequiredValue(_candidate), dpi, extractor).Template;
        var score = FingerprintMatcher.Compare(probe, candidate);
        var falseMatchRate = MatchScore.ToFalseMatchRate(score);
        if (parsed.GetValue(_json))
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
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
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"score {score:0.00} ({meaning}); minutiae {probe.Minutiae.Count} and {candidate.Minutiae.Count}"));
        return 0;
    }
}
