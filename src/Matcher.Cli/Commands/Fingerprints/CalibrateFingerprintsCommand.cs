using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Display;
using Matcher.Core.Scoring;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// `matcher calibrate fingerprints`: fits the raw-score to FMR map from every impostor pair of a dataset (pairs across
/// databases are different fingers too) and prints the knots to embed in Matching/FingerprintCalibration.cs, together
/// with whether they equal the embedded ones. See Matching/Calibration.md.
/// </summary>
internal sealed class CalibrateFingerprintsCommand : ICliCommand
{
    private readonly Option<string> _dataset = DatasetOption.Create();
    private readonly DpiOptions _dpi = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "calibrate fingerprints";

    public string Description => "Fit the fingerprint score calibration from every impostor pair of a dataset and compare it with the embedded one.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_dataset, .. _dpi.Options, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var dataset = FingerprintDataset.Open(parsed.GetRequiredValue(_dataset));
        var dpi = _dpi.Read(parsed);
        var json = parsed.GetValue(_json);
        var extractor = new FingerprintExtractor();
        var (databases, impostors) = context.Progress(json).Run(progress =>
        {
            var loaded = dataset.Databases.Select(d => LoadedDatabase.Load(d, dpi.For(d.Name), extractor, progress)).ToList();
            return (loaded, ImpostorScores.Collect(loaded, progress));
        });
        var fitted = ScoreCalibration.FitFromImpostors(impostors.Scores);
        var embedded = FingerprintMatcher.Calibration;
        var identical = fitted.RawKnots.SequenceEqual(embedded.RawKnots) && fitted.ScoreKnots.SequenceEqual(embedded.ScoreKnots);
        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["impostor_pairs"] = impostors.Scores.Count,
                ["cross_database_pairs"] = impostors.CrossDatabase,
                ["failed_to_extract"] = databases.Sum(d => d.Failures.Count),
                ["measured_up_to_score"] = fitted.MeasuredUpToScore,
                ["raw_knots"] = fitted.RawKnots,
                ["score_knots"] = fitted.ScoreKnots,
                ["matches_embedded"] = identical,
            }));
            return 0;
        }
        var lowestRate = 3.0 / impostors.Scores.Count;
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"impostor pairs      {impostors.Scores.Count:N0} ({impostors.CrossDatabase:N0} across databases, {impostors.Scores.Count - impostors.CrossDatabase:N0} within)"));
        context.Output.WriteLine($"failed to extract   {databases.Sum(d => d.Failures.Count)} (their pairs are left out)");
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"measured up to      score {fitted.MeasuredUpToScore:0.0} (FMR about {lowestRate:0.0e0}); higher scores follow the last decade's slope (extrapolated)"));
        context.Output.WriteLine($"embedded knots      {(identical ? "identical to this fit" : "DIFFER from this fit: paste the arrays below into FingerprintCalibration.cs")}");
        context.Output.WriteLine(KnotArrays.Format("RawKnots", fitted.RawKnots));
        context.Output.WriteLine(KnotArrays.Format("ScoreKnots", fitted.ScoreKnots));
        return 0;
    }
}
