using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Display;
using Matcher.Core.Scoring;
using Matcher.Fingerprint.Descriptors;

namespace Matcher.Cli.Commands.FirstStage;

/// <summary>
/// `matcher calibrate first-stage`: fits the first stage's background cell frequencies and its similarity-to-score map
/// from real fingers of several datasets and prints them for Descriptors/FirstStageModel.cs, with whether they equal
/// the embedded model. See Descriptors/FirstStage.md.
/// </summary>
internal sealed class CalibrateFirstStageCommand : ICliCommand
{
    private readonly RealFingerSets _sets = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "calibrate first-stage";

    public string Description => "Fit the fingerprint first stage's background model and score map from real fingers and compare them with the embedded ones.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [.. _sets.Options, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var json = parsed.GetValue(_json);
        var loaded = _sets.Load(parsed, context, json);
        var background = DescriptorBackground.Fit(loaded.Fingers.Select(f => f.Descriptor).ToList());
        var pairs = FirstStagePairs.Score(loaded.Fingers, background);
        var calibration = ScoreCalibration.FitFromImpostors(pairs.Impostors);
        var encoded = background.Encode();
        var embedded = FirstStageScore.Calibration;
        var identical = encoded == DescriptorBackground.Default.Encode()
            && calibration.RawKnots.SequenceEqual(embedded.RawKnots) && calibration.ScoreKnots.SequenceEqual(embedded.ScoreKnots);
        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["fingers"] = loaded.Fingers.Count,
                ["unreadable"] = loaded.Failures,
                ["impostor_pairs"] = pairs.Impostors.Count,
                ["highest_impostor_similarity"] = pairs.Impostors.Max(),
                ["measured_up_to_score"] = calibration.MeasuredUpToScore,
                ["similarity_knots"] = calibration.RawKnots,
                ["score_knots"] = calibration.ScoreKnots,
                ["matches_embedded"] = identical,
            }));
            return 0;
        }
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fingers             {loaded.Fingers.Count:N0} ({loaded.Failures} unreadable, left out)"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"impostor pairs      {pairs.Impostors.Count:N0}; highest similarity {pairs.Impostors.Max():0.00}"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"measured up to      score {calibration.MeasuredUpToScore:0.0} (FMR about {3.0 / pairs.Impostors.Count:0.0e0}); above it the last decade's slope continues"));
        context.Output.WriteLine($"embedded model      {(identical ? "identical to this fit" : "DIFFERS from this fit: paste the values below into FirstStageModel.cs")}");
        context.Output.WriteLine($"EncodedBackground =\n    \"{encoded}\";");
        context.Output.WriteLine(KnotArrays.Format("SimilarityKnots", calibration.RawKnots));
        context.Output.WriteLine(KnotArrays.Format("ScoreKnots", calibration.ScoreKnots));
        return 0;
    }
}
