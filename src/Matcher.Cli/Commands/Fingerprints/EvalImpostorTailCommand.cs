using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.FirstStage;
using Matcher.Core.Scoring;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// `matcher eval impostor-tail`: the minutiae matcher's calibrated score of every impostor pair of real fingers from
/// several datasets (hundreds of thousands of pairs, across sensors), set against the calibration: at each score, the
/// FMR the calibration claims and the FMR measured; the highest impostor scores and the minutiae of the prints behind
/// them. Galleries of millions need per-finger thresholds far beyond any FVC database alone.
/// </summary>
internal sealed class EvalImpostorTailCommand : ICliCommand
{
    public static readonly double[] Scores = [20, 30, 40, 50, 60, 70, 80];

    private const int Highest = 5;

    private readonly RealFingerSets _sets = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "eval impostor-tail";

    public string Description => "Score every impostor pair of real fingers with the minutiae matcher and compare the tail with the calibration.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [.. _sets.Options, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var json = parsed.GetValue(_json);
        var fingers = _sets.Load(parsed, context, json).Fingers;
        var probes = fingers.Select(f => new PreparedProbe(f.Template)).ToArray();
        var candidates = fingers.Select(f => new MatchCandidate(f.Template)).ToArray();
        var perProbe = new List<(double Score, int First, int Second)>[fingers.Count];
        Parallel.For(0, fingers.Count, i =>
        {
            perProbe[i] = [];
            for (var j = i + 1; j < fingers.Count; j++)
            {
                if (!fingers[i].SameFingerAs(fingers[j]))
                {
                    perProbe[i].Add((FingerprintMatcher.Compare(probes[i], candidates[j]), i, j));
                }
            }
        });
        var impostors = perProbe.SelectMany(p => p).OrderByDescending(p => p.Score).ToList();
        var rows = Scores.Select(score => new TailRow(score, MatchScore.ToFalseMatchRate(score),
            impostors.Count(p => p.Score >= score), impostors.Count)).ToList();
        var highest = impostors.Take(Highest).Select(p => new TailPair(p.Score,
            $"{fingers[p.First].Database} {fingers[p.First].Finger}_{fingers[p.First].Impression}", probes[p.First].MinutiaCount,
            $"{fingers[p.Second].Database} {fingers[p.Second].Finger}_{fingers[p.Second].Impression}", probes[p.Second].MinutiaCount)).ToList();
        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new { impostor_pairs = impostors.Count, rows, highest },
                new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            return 0;
        }
        var output = context.Output;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fingers.Count:N0} fingers, {impostors.Count:N0} impostor pairs"));
        output.WriteLine("score  calibrated FMR  impostors at or above  measured FMR");
        foreach (var row in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Score,5:0}  {row.CalibratedRate,14:0.0e0}  {row.AtOrAbove,21:N0}  {(row.AtOrAbove == 0 ? $"< {3.0 / row.Pairs:0.0e0} (95 %)" : (row.AtOrAbove / (double)row.Pairs).ToString("0.0e0", CultureInfo.InvariantCulture)),12}"));
        }
        output.WriteLine("highest impostor scores:");
        foreach (var pair in highest)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {pair.Score,6:0.0}  {pair.First} ({pair.FirstMinutiae} minutiae) x {pair.Second} ({pair.SecondMinutiae} minutiae)"));
        }
        return 0;
    }

    private sealed record TailRow(double Score, double CalibratedRate, int AtOrAbove, int Pairs);

    private sealed record TailPair(double Score, string First, int FirstMinutiae, string Second, int SecondMinutiae);
}
