using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Fingerprint.Descriptors;

namespace Matcher.Cli.Commands.FirstStage;

/// <summary>
/// `matcher eval first-stage`: how deep in a ranked gallery the first stage puts each real mate. For one finger the
/// ranks are measured over every real impostor; for several fingers they are estimated by summing the calibrated scores
/// of independently drawn mate and impostor pairs (fixed seed), as the cascade sums the fingers of a subject.
/// </summary>
internal sealed class EvalFirstStageCommand : ICliCommand
{
    public static readonly double[] SingleFingerPenetrations = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2];

    public static readonly double[] SeveralFingerPenetrations = [1e-2, 1e-3, 1e-4, 1e-5];

    public static readonly int[] FingerCounts = [1, 2, 4, 10];

    private const int ImpostorDraws = 2_000_000;

    private const int MateDraws = 20_000;

    private readonly RealFingerSets _sets = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "eval first-stage";

    public string Description => "Measure at what penetration the fingerprint first stage still ranks real mates ahead of real impostors.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [.. _sets.Options, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var json = parsed.GetValue(_json);
        var loaded = _sets.Load(parsed, context, json);
        var pairs = FirstStagePairs.Score(loaded.Fingers, DescriptorBackground.Default);
        var singleFinger = SingleFingerPenetrations.ToDictionary(p => p, p => HitRate(pairs.Placements, p));
        var byDatabase = pairs.Placements.GroupBy(p => p.Database).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => HitRate(g.ToList(), 0.01));
        var severalFingers = FingerCounts.ToDictionary(k => k, k => SummedHitRates(pairs, k));
        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["fingers"] = loaded.Fingers.Count,
                ["mate_pairs"] = pairs.Mates.Count,
                ["impostor_pairs"] = pairs.Impostors.Count,
                ["single_finger_hit_rate"] = singleFinger.ToDictionary(e => Key(e.Key), e => e.Value),
                ["hit_rate_at_1_percent_by_database"] = byDatabase,
                ["estimated_hit_rate"] = severalFingers.ToDictionary(
                    e => e.Key.ToString(CultureInfo.InvariantCulture), e => e.Value.ToDictionary(r => Key(r.Key), r => r.Value)),
            }));
            return 0;
        }
        var output = context.Output;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fingers {loaded.Fingers.Count:N0} ({loaded.Failures} unreadable); {pairs.Mates.Count:N0} mate pairs, {pairs.Impostors.Count:N0} impostor pairs"));
        output.WriteLine("one finger, measured: share of mates ranked within the top share of the probe's impostors");
        output.WriteLine("  penetration " + string.Join(" ", SingleFingerPenetrations.Select(p => $"{Percent(p),8}")));
        output.WriteLine("  hit rate    " + string.Join(" ", SingleFingerPenetrations.Select(p => $"{Percent(singleFinger[p]),8}")));
        output.WriteLine("  hit rate at 1 % by database: " + string.Join(", ", byDatabase.Select(e => $"{e.Key} {Percent(e.Value)}")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"several fingers, estimated from {MateDraws:N0} mate and {ImpostorDraws:N0} impostor sums of independently drawn real pairs"));
        output.WriteLine("  fingers     " + string.Join(" ", SeveralFingerPenetrations.Select(p => $"{p.ToString("0e0", CultureInfo.InvariantCulture),8}")));
        foreach (var (fingers, rates) in severalFingers)
        {
            output.WriteLine($"  {fingers,-11} " + string.Join(" ", SeveralFingerPenetrations.Select(p => $"{Percent(rates[p]),8}")));
        }
        return 0;
    }

    private static double HitRate(IReadOnlyCollection<MatePlacement> placements, double penetration) =>
        placements.Count(p => p.Penetration <= penetration) / (double)placements.Count;

    /// <summary>Calibrated scores are what the cascade adds up per subject, so the estimate sums those, not similarities.</summary>
    private static Dictionary<double, double> SummedHitRates(FirstStagePairs pairs, int fingers)
    {
        var mates = pairs.Mates.Select(FirstStageScore.Calibration.ToScore).ToArray();
        var impostors = pairs.Impostors.Select(FirstStageScore.Calibration.ToScore).ToArray();
        var random = new Random(4100 + fingers);
        var impostorSums = Sums(random, impostors, fingers, ImpostorDraws);
        Array.Sort(impostorSums);
        var mateSums = Sums(random, mates, fingers, MateDraws);
        return SeveralFingerPenetrations.ToDictionary(p => p, p =>
        {
            var threshold = impostorSums[(int)((1 - p) * impostorSums.Length) - 1];
            return mateSums.Count(s => s > threshold) / (double)mateSums.Length;
        });
    }

    private static double[] Sums(Random random, double[] scores, int fingers, int draws)
    {
        var sums = new double[draws];
        for (var draw = 0; draw < draws; draw++)
        {
            for (var finger = 0; finger < fingers; finger++)
            {
                sums[draw] += scores[random.Next(scores.Length)];
            }
        }
        return sums;
    }

    private static string Key(double rate) => rate.ToString("0.#####", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
