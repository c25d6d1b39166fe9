using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Face;
using Matcher.Population;
using Matcher.Population.Faces;
using Matcher.Population.Validation;

namespace Matcher.Cli.Commands.Population;

/// <summary>
/// `matcher population validate`: impostor score tails of synthetic vs synthetic, real vs synthetic and real vs real,
/// for fingerprints (the project's matcher on FVC templates from its extractor) and faces (LFW and ORL through the
/// face engine, calibrated score). Synthetic data must not be easier than real: its tails must reach as high.
/// </summary>
internal sealed class ValidatePopulationCommand : ICliCommand
{
    /// <summary>Per-finger score a candidate needs at FPIR 1 % over a million subjects: -10 log10(0.01 / 1e6).</summary>
    private const double MillionSubjectThreshold = 80;

    /// <summary>Marks the face rows whose synthetic faces share the structure of real ones.</summary>
    private const string RealBasisVariant = " (real basis)";

    private readonly Option<string> _datasets = new("--datasets")
    {
        Description = "The shared datasets folder (default: MATCHER_DATASETS, else ../shared/datasets).",
        HelpName = "DIR",
    };
    private readonly Option<int?> _subjects = CliValues.WholeNumber("--subjects", "Synthetic subjects whose ten fingers are compared (default 200).", minimum: 2);
    private readonly Option<int?> _faces = CliValues.WholeNumber("--faces", "Synthetic faces compared (default 2000).", minimum: 2);
    private readonly Option<ulong?> _seed = PopulationOptions.Seed(required: false);
    private readonly Option<int?> _threads = PopulationOptions.Threads();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "population validate";

    public string Description => "Compare synthetic impostor score tails with real ones (fingerprints and faces).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_datasets, _subjects, _faces, _seed, _threads, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var root = parsed.GetValue(_datasets) ?? Environment.GetEnvironmentVariable("MATCHER_DATASETS") ?? Path.Combine("..", "shared", "datasets");
        if (!Directory.Exists(root))
        {
            throw new CliUsageException($"The datasets folder '{root}' does not exist; give it with --datasets.");
        }
        var subjects = parsed.GetValue(_subjects) ?? 200;
        var faceCount = parsed.GetValue(_faces) ?? 2000;
        var seed = parsed.GetValue(_seed) ?? 1;
        var threads = parsed.GetValue(_threads) ?? Environment.ProcessorCount;
        var json = parsed.GetValue(_json);
        using var engine = FaceEngine.Load(new FaceEngineOptions { BatchParallelism = threads, ComputeLiveness = false, RejectUnusable = false });

        var (report, realFingers, refused) = context.Progress(json).Run(progress =>
        {
            var fingers = RealFingerprintSet.Load(root, threads, out var refusedImages);
            if (fingers.Count < 2)
            {
                throw new CliUsageException($"No FVC fingerprint images found under '{root}'.");
            }
            var generator = PopulationGenerator.Create(seed, engine.EmbeddingModelId);
            var synthetic = generator.Generate(0, subjects).SelectMany(s => s.Fingers).Select(f => f.Template).ToList();
            var rows = FingerprintValidation.Measure(fingers, synthetic, threads).ToList();

            var faces = RealFaceSet.Load(engine, root, progress);
            if (faces.Count > 2)
            {
                var syntheticFaces = Enumerable.Range(0, faceCount).Select(i => generator.GenerateFace(i)!).ToList();
                rows.AddRange(FaceValidation.Measure(faces, syntheticFaces, engine.ScoreOfSimilarity, threads));
                var (basisFaces, heldOut) = RealFaceSet.SplitByPerson(faces);
                var basis = EmbeddingBasis.FromEmbeddings([.. basisFaces.Select(f => f.Embedding)], DefaultFaceModel.Parameters.Rank);
                var shaped = PopulationGenerator.Create(seed, engine.EmbeddingModelId, basis);
                var shapedFaces = Enumerable.Range(0, faceCount).Select(i => shaped.GenerateFace(i)!).ToList();
                rows.AddRange(FaceValidation.Measure(heldOut, shapedFaces, engine.ScoreOfSimilarity, threads, RealBasisVariant));
            }
            return (new ValidationReport(rows), fingers.Count, refusedImages);
        });

        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(report.Distributions.Select(d => new Dictionary<string, object>
            {
                ["modality"] = d.Modality,
                ["comparison"] = ValidationTable.Name(d.Comparison),
                ["pairs"] = d.Scores.Pairs,
                ["quantiles"] = TailQuantiles.Levels.Zip(d.Scores.Values).ToDictionary(p => p.First.ToString("0.####", CultureInfo.InvariantCulture), p => p.Second),
                ["max"] = d.Scores.Max,
            })));
            return 0;
        }
        var output = context.Output;
        output.WriteLine($"real fingers: {realFingers} FVC impressions extracted ({refused} refused by the extractor); synthetic: {subjects} subjects x 10 fingers, seed {seed}");
        ValidationTable.Write(report, output);
        var realTail = report.Of(FingerprintValidation.Modality, ImpostorComparison.RealVsReal);
        output.WriteLine($"a million-subject gallery at FPIR 1 % needs a per-finger score of about {MillionSubjectThreshold:0} (FMR 1e-8); these tails are measured down to FMR {1.0 / realTail.Pairs:0.0e0} (real) and reach {realTail.Max.ToString("0.0", CultureInfo.InvariantCulture)}, so the threshold itself lies beyond them.");
        output.WriteLine($"face rows marked{RealBasisVariant}: synthetic faces shaped by the mean and principal directions of half of the real people, compared with the other half.");
        return 0;
    }
}
