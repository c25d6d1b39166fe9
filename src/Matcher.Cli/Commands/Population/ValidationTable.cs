using System.Globalization;
using Matcher.Population.Validation;

namespace Matcher.Cli.Commands.Population;

/// <summary>The validation report as text: one block per modality, one row per comparison, the tail evidence beside it.</summary>
internal static class ValidationTable
{
    public static void Write(ValidationReport report, TextWriter output)
    {
        foreach (var modality in report.Distributions.Select(d => d.Modality).Distinct())
        {
            var cosine = modality.StartsWith(FaceValidation.CosineModality, StringComparison.Ordinal);
            output.WriteLine($"{modality} impostors ({(cosine ? "cosine similarity" : "calibrated score, -10 log10 FMR")})");
            output.WriteLine($"  {"comparison",-22}{"pairs",12}{"50 %",9}{"90 %",9}{"99 %",9}{"99.9 %",9}{"99.99 %",9}{"max",9}   pairs above 99.9 % / 99.99 %");
            foreach (var row in report.Distributions.Where(d => d.Modality == modality))
            {
                var values = string.Concat(row.Scores.Values.Select(v => Format(v, cosine).PadLeft(9)));
                output.WriteLine($"  {Name(row.Comparison),-22}{row.Scores.Pairs.ToString("N0", CultureInfo.InvariantCulture),12}{values}   "
                    + $"{row.Scores.PairsAbove(0.999).ToString("N0", CultureInfo.InvariantCulture)} / {row.Scores.PairsAbove(0.9999).ToString("N0", CultureInfo.InvariantCulture)}");
            }
        }
    }

    public static string Name(ImpostorComparison comparison) => comparison switch
    {
        ImpostorComparison.SyntheticVsSynthetic => "synthetic vs synthetic",
        ImpostorComparison.SyntheticVsReal => "real vs synthetic",
        _ => "real vs real",
    };

    private static string Format(double value, bool cosine) => value.ToString(cosine ? "0.000" : "0.0", CultureInfo.InvariantCulture);
}
