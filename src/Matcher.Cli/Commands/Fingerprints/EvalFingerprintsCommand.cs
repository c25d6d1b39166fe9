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
    private readonly Option<string?> _plot = new("--plot")
    {
        Description = "Write DET curves as PNG files into this folder: one per database, one of all databases and the pooled set, one per --fuse-fingers database.",
        HelpName = "DIR",
    };
    private readonly Option<bool> _fuseFingers = new("--fuse-fingers")
    {
        Description = "Also compare people (files named PPP_F_S: person, finger, scan), fusing 1, 2, 4 and all their common finger positions.",
    };

    public string Name => "eval fingerprints";

    public string Description => "Verification accuracy and speed of the fingerprint engine on FVC-style databases (all-pairs protocol).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_dataset, .. _dpi.Options, _perturb, _seed, _plot, _fuseFingers, _json];

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
        var fuseFingers = parsed.GetValue(_fuseFingers);
        if (fuseFingers && !dataset.Databases.Any(d => MultiFingerProtocol.NamesPeople(d)))
        {
            throw new CliUsageException("--fuse-fingers needs files named PPP_F_S.ext (person, finger position, scan), as the CrossMatch sample names them.");
        }
        var extractor = new FingerprintExtractor();
        var (results, fused) = context.Progress(json).Run(progress =>
        {
            var allPairs = new List<AllPairsResult>();
            var people = new List<(string Name, IReadOnlyList<FusedResult> Results)>();
            foreach (var database in dataset.Databases)
            {
                var loaded = LoadedDatabase.Load(database, dpi.For(database.Name), extractor, progress, perturbation);
                allPairs.Add(AllPairsProtocol.Run(loaded, progress));
                if (fuseFingers && MultiFingerProtocol.NamesPeople(database))
                {
                    people.Add((database.Name, MultiFingerProtocol.Run(loaded, MultiFingerProtocol.ReportedCounts)));
                }
            }
            return (allPairs, people);
        });
        var pooled = results.Count == 1 ? results[0] : AllPairsResult.Pool("pooled", results);
        var plots = parsed.GetValue(_plot) is { } folder ? WritePlots(folder, results, pooled, fused) : [];
        if (json)
        {
            var report = Figures(pooled);
            if (results.Count > 1)
            {
                report["databases"] = results.ToDictionary(r => r.Name, r => (object?)Figures(r));
            }
            if (fused.Count > 0)
            {
                report["multi_finger"] = fused.ToDictionary(f => f.Name, f => (object?)f.Results.ToDictionary(r => r.Label, r => (object?)FusedFigures(r)));
            }
            if (plots.Count > 0)
            {
                report["plots"] = plots;
            }
            context.Output.WriteLine(JsonSerializer.Serialize(report));
            return 0;
        }
        foreach (var result in results.Count == 1 ? results : [.. results, pooled])
        {
            PrintText(result, context.Output);
        }
        foreach (var (name, people) in fused)
        {
            PrintFused(name, people, context.Output);
        }
        foreach (var plot in plots)
        {
            context.Output.WriteLine($"DET plot written: {plot}");
        }
        return 0;
    }

    private static List<string> WritePlots(string folder, List<AllPairsResult> results, AllPairsResult pooled,
        List<(string Name, IReadOnlyList<FusedResult> Results)> fused)
    {
        var written = new List<string>();
        void Plot(string name, string title, IEnumerable<(string, IReadOnlyCollection<double>, IReadOnlyCollection<double>)> curves)
        {
            var path = Path.Combine(folder, $"det-{name}.png");
            DetPlot.Write(path, title, curves);
            written.Add(path);
        }
        foreach (var result in results)
        {
            Plot(result.Name, $"DET, {result.Name}", [(result.Name, result.Genuine, result.Impostor)]);
        }
        if (results.Count > 1)
        {
            Plot("all", "DET, every database and pooled",
                [.. results.Select(r => (r.Name, (IReadOnlyCollection<double>)r.Genuine, (IReadOnlyCollection<double>)r.Impostor)), ("pooled", pooled.Genuine, pooled.Impostor)]);
        }
        foreach (var (name, people) in fused)
        {
            Plot($"{name}-fused", $"DET, {name}: people, fingers fused",
                people.Where(r => r.Genuine.Count > 0 && r.Impostor.Count > 0).Select(r => (r.Label, (IReadOnlyCollection<double>)r.Genuine, (IReadOnlyCollection<double>)r.Impostor)));
        }
        return written;
    }

    private static Dictionary<string, object?> FusedFigures(FusedResult result)
    {
        var figures = new Dictionary<string, object?> { ["genuine_pairs"] = result.Genuine.Count, ["impostor_pairs"] = result.Impostor.Count };
        if (result.Genuine.Count > 0 && result.Impostor.Count > 0)
        {
            var rates = ErrorRates.Compute(result.Genuine, result.Impostor);
            figures["eer"] = rates.Eer;
            figures["fnmr_at_fmr_1e2"] = rates.FnmrAtFmr1E2;
            figures["fnmr_at_fmr_1e3"] = rates.FnmrAtFmr1E3;
            figures["zero_fmr"] = rates.ZeroFmr;
            figures["lowest_genuine"] = result.Genuine.Min();
            figures["highest_impostor"] = result.Impostor.Max();
        }
        return figures;
    }

    private static void PrintFused(string name, IReadOnlyList<FusedResult> people, TextWriter output)
    {
        static string Percent(double value) => (100 * value).ToString("0.00", CultureInfo.InvariantCulture) + " %";
        static string Score(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"{name}, people ({people[0].People}), fingers fused position by position:");
        foreach (var result in people)
        {
            if (result.Genuine.Count == 0 || result.Impostor.Count == 0)
            {
                output.WriteLine($"  {result.Label,-12} no pairs of people share that many positions");
                continue;
            }
            var rates = ErrorRates.Compute(result.Genuine, result.Impostor);
            output.WriteLine($"  {result.Label,-12} {result.Genuine.Count} genuine, {result.Impostor.Count} impostor: EER {Percent(rates.Eer)}, " +
                $"FNMR at FMR 0.1 % {Percent(rates.FnmrAtFmr1E3)}, ZeroFMR {Percent(rates.ZeroFmr)}; " +
                $"lowest genuine {Score(result.Genuine.Min())}, highest impostor {Score(result.Impostor.Max())}");
        }
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
