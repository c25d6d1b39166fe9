using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Fingerprint.Extraction;
using Matcher.Imaging.Perturbation;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// `matcher eval fingerprints`: verification accuracy on FVC-style folders with the all-pairs protocol. A folder of
/// database folders is evaluated per database, then pooled (genuine and impostor sets pooled, no cross-database pairs).
/// With --perturb every image is made harder first (see <see cref="EvalPerturbation"/>); run without it for the clean figures.
/// </summary>
internal sealed class EvalFingerprintsCommand : ICliCommand
{
    private readonly Option<string> _dataset = DatasetOption.Create();
    private readonly DpiOptions _dpi = new();
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<PerturbationKinds?> _perturb = CliValues.Single<PerturbationKinds?>("--perturb", "KINDS",
        "Perturb every image before extraction: comma-separated elastic, rotation, translation, dry, wet, pressure, geometric, skinconditions or all.",
        text => FingerprintPerturbation.TryParseKinds(text, out var kinds)
            ? kinds
            : throw new CliUsageException($"--perturb expects kinds among elastic, rotation, translation, dry, wet, pressure, geometric, skinconditions, all; '{text}' is not such a list."));
    private readonly Option<int?> _seed = CliValues.WholeNumber("--seed", "Seed of --perturb (default 1); each image mixes it with its file name.", minimum: 0);

    public string Name => "eval fingerprints";

    public string Description => "Verification accuracy and speed of the fingerprint engine on FVC-style databases (all-pairs protocol).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_dataset, .. _dpi.Options, _perturb, _seed, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var dataset = FingerprintDataset.Open(parsed.GetRequiredValue(_dataset));
        var dpi = _dpi.Read(parsed);
        var json = parsed.GetValue(_json);
        var unmatched = dpi.Unmatched(dataset).ToList();
        if (unmatched.Count > 0)
        {
            throw new CliUsageException($"--dpi-override names no database of this dataset: {string.Join(", ", unmatched)}.");
        }
        var kinds = parsed.GetValue(_perturb);
        if (kinds is null && parsed.GetValue(_seed) is not null)
        {
            throw new CliUsageException("--seed chooses the perturbation of --perturb; give --perturb too.");
        }
        var perturbation = kinds is { } chosen ? new EvalPerturbation(chosen, parsed.GetValue(_seed) ?? 1) : null;
        var extractor = new FingerprintExtractor();
        var results = context.Progress(json).Run(progress => dataset.Databases
            .Select(database => AllPairsProtocol.Run(LoadedDatabase.Load(database, dpi.For(database.Name), extractor, progress, perturbation), progress))
            .ToList());
        var pooled = results.Count == 1 ? results[0] : AllPairsResult.Pool("pooled", results);
        if (json)
        {
            var report = Figures(pooled);
            if (results.Count > 1)
            {
                report["databases"] = results.ToDictionary(r => r.Name, r => (object?)Figures(r));
            }
            context.Output.WriteLine(JsonSerializer.Serialize(report));
            return 0;
        }
        foreach (var result in results.Count == 1 ? results : [.. results, pooled])
        {
            PrintText(result, context.Output);
        }
        return 0;
    }

    private static Dictionary<string, object?> Figures(AllPairsResult result)
    {
        var rates = ErrorRates.Compute(result.Genuine, result.Impostor);
        return new Dictionary<string, object?>
        {
            ["eer"] = rates.Eer,
            ["fnmr_at_fmr_1e2"] = rates.FnmrAtFmr1E2,
            ["fnmr_at_fmr_1e3"] = rates.FnmrAtFmr1E3,
            ["fnmr_at_fmr_1e4"] = rates.FnmrAtFmr1E4,
            ["zero_fmr"] = rates.ZeroFmr,
            ["genuine_pairs"] = result.Genuine.Count,
            ["impostor_pairs"] = result.Impostor.Count,
            ["failed_to_extract"] = result.FailedToExtract,
            ["extract_ms_median"] = result.ExtractionMillisecondsMedian,
            ["comparisons_per_second"] = result.ComparisonsPerSecond,
        };
    }

    private static void PrintText(AllPairsResult result, TextWriter output)
    {
        var rates = ErrorRates.Compute(result.Genuine, result.Impostor);
        static string Percent(double value) => (100 * value).ToString("0.00", CultureInfo.InvariantCulture) + " %";
        output.WriteLine($"{result.Name}: {result.Genuine.Count} genuine, {result.Impostor.Count} impostor pairs");
        output.WriteLine($"  EER                {Percent(rates.Eer)}");
        output.WriteLine($"  FNMR at FMR 1 %    {Percent(rates.FnmrAtFmr1E2)}");
        output.WriteLine($"  FNMR at FMR 0.1 %  {Percent(rates.FnmrAtFmr1E3)}");
        output.WriteLine($"  FNMR at FMR 0.01 % {Percent(rates.FnmrAtFmr1E4)}");
        output.WriteLine($"  ZeroFMR            {Percent(rates.ZeroFmr)}");
        output.WriteLine($"  failed to extract  {result.FailedToExtract}");
        output.WriteLine(result.ExtractionMillisecondsMedian is { } median
            ? $"  extraction         {median.ToString("0.0", CultureInfo.InvariantCulture)} ms median (decode + extract, one thread)"
            : "  extraction         none (templates)");
        output.WriteLine($"  comparisons        {result.ComparisonsPerSecond.ToString("0", CultureInfo.InvariantCulture)} per second (prepared probe, one thread)");
    }
}
