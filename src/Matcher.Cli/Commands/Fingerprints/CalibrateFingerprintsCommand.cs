using System.Globalization;
using System.Text.Json;
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
    public string Name => "calibrate fingerprints";

    public string Usage => "calibrate fingerprints --dataset DIR [--dpi N] [--dpi-override DB2_B=569,...] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var dataset = FingerprintDataset.Open(arguments.RequireOption("dataset"));
        var dpi = new DpiChoice(arguments);
        var json = arguments.HasFlag("json");
        var extractor = new FingerprintExtractor();
        var databases = dataset.Databases.Select(d => LoadedDatabase.Load(d, dpi.For(d.Name), extractor)).ToList();
        var impostors = ImpostorScores.Collect(databases);
        var fitted = ScoreCalibration.FitFromImpostors(impostors.Scores);
        var embedded = FingerprintMatcher.Calibration;
        var identical = fitted.RawKnots.SequenceEqual(embedded.RawKnots) && fitted.ScoreKnots.SequenceEqual(embedded.ScoreKnots);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
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
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"impostor pairs      {impostors.Scores.Count:N0} ({impostors.CrossDatabase:N0} across databases, {impostors.Scores.Count - impostors.CrossDatabase:N0} within)"));
        output.WriteLine($"failed to extract   {databases.Sum(d => d.Failures.Count)} (their pairs are left out)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"measured up to      score {fitted.MeasuredUpToScore:0.0} (FMR about {lowestRate:0.0e0}); higher scores follow the last decade's slope (extrapolated)"));
        output.WriteLine($"embedded knots      {(identical ? "identical to this fit" : "DIFFER from this fit: paste the arrays below into FingerprintCalibration.cs")}");
        output.WriteLine($"RawKnots =\n[\n{FormatKnots(fitted.RawKnots)}\n];");
        output.WriteLine($"ScoreKnots =\n[\n{FormatKnots(fitted.ScoreKnots)}\n];");
        return 0;
    }

    private static string FormatKnots(IReadOnlyList<double> knots) =>
        string.Join(",\n", knots.Chunk(4).Select(row => "    " + string.Join(", ", row.Select(k => k.ToString("R", CultureInfo.InvariantCulture)))));
}
