using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Face;

namespace Matcher.Cli.Commands.Faces;

/// <summary>
/// `matcher eval faces`: 1:1 verification accuracy of the face engine on a labelled pair list. Images whose face
/// cannot be extracted count as failures to detect, and their pairs are scored as the least similar possible.
/// </summary>
internal sealed class EvalFacesCommand : ICliCommand
{
    private readonly Option<string> _root = new("--root")
    {
        Description = "The folder the image paths are relative to; with --pairs-from-folders, one sub-folder per person.",
        HelpName = "DIR",
        Required = true,
    };
    private readonly Option<string?> _pairs = new("--pairs")
    {
        Description = "A CSV of pairs with the columns image1, image2, same (0 or 1) and optionally fold.",
        HelpName = "CSV",
    };
    private readonly Option<int?> _pairsFromFolders = CliValues.WholeNumber("--pairs-from-folders",
        "Instead of --pairs: every same-person pair under --root and as many different-person pairs drawn with this seed.", minimum: int.MinValue);
    private readonly Option<int?> _threads = FaceOptions.Threads();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "eval faces";

    public string Description => "Verification accuracy of the face engine on labelled pairs (10-fold when the pairs have folds).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_root, _pairs, _pairsFromFolders, _threads, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var root = parsed.GetRequiredValue(_root);
        var pairsPath = parsed.GetValue(_pairs);
        var folderSeed = parsed.GetValue(_pairsFromFolders);
        var threads = parsed.GetValue(_threads) ?? Environment.ProcessorCount;
        var json = parsed.GetValue(_json);
        if ((pairsPath is null) == (folderSeed is null))
        {
            throw new CliUsageException("Give exactly one of --pairs CSV or --pairs-from-folders SEED.");
        }
        var pairs = pairsPath is not null ? FacePairList.ReadCsv(pairsPath) : FacePairList.FromFolders(root, folderSeed!.Value);

        using var engine = FaceEngine.Load(new FaceEngineOptions
        {
            BatchParallelism = threads,
            ComputeLiveness = false,
            RejectUnusable = false,
        });
        var images = context.Progress(json).Run(progress =>
            FaceImageSet.Extract(engine, root, pairs.SelectMany(p => new[] { p.Image1, p.Image2 }), progress));
        var scored = pairs.Select(p => new ScoredPair(Similarity(images, p), p.Same, p.Fold)).ToList();
        var metrics = VerificationMetrics.Compute(scored);
        var imagesPerSecond = images.Count / Math.Max(1e-9, images.Elapsed.TotalSeconds);

        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["accuracy"] = metrics.Accuracy,
                ["accuracy_std"] = metrics.AccuracyStd,
                ["tar_at_far_1e2"] = metrics.TarAtFar1E2,
                ["tar_at_far_1e3"] = metrics.TarAtFar1E3,
                ["eer"] = metrics.Eer,
                ["threshold"] = metrics.Threshold,
                ["failed_to_detect"] = images.Failures.Count,
                ["pairs"] = metrics.Pairs,
                ["images"] = images.Count,
                ["images_per_second"] = imagesPerSecond,
                ["model"] = engine.EmbeddingModelId,
            }));
            return 0;
        }
        var percent = (double value) => (100 * value).ToString("0.00", CultureInfo.InvariantCulture) + " %";
        context.Output.WriteLine($"model            {engine.EmbeddingModelId}");
        context.Output.WriteLine($"pairs            {metrics.Pairs} ({scored.Count(p => p.Same)} same, {scored.Count(p => !p.Same)} different)");
        context.Output.WriteLine(metrics.AccuracyStd is { } std
            ? $"accuracy         {percent(metrics.Accuracy)} +- {percent(std)} (10-fold: threshold chosen on nine folds, tested on the tenth)"
            : $"accuracy         {percent(metrics.Accuracy)} (best single threshold)");
        context.Output.WriteLine($"threshold        {metrics.Threshold.ToString("0.0000", CultureInfo.InvariantCulture)} cosine (best on all pairs)");
        context.Output.WriteLine($"TAR at FAR 1 %   {percent(metrics.TarAtFar1E2)}");
        context.Output.WriteLine($"TAR at FAR 0.1 % {percent(metrics.TarAtFar1E3)}");
        context.Output.WriteLine($"EER              {percent(metrics.Eer)}");
        context.Output.WriteLine($"failed to detect {images.Failures.Count} of {images.Count} images");
        foreach (var reason in images.Failures.Values.GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            context.Output.WriteLine($"  {reason.Key}: {reason.Count()}");
        }
        context.Output.WriteLine($"speed            {imagesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} images/s on {threads} thread(s), decode to embedding");
        return 0;
    }

    private static double Similarity(FaceImageSet images, FacePair pair) =>
        images.Embeddings.TryGetValue(pair.Image1, out var first) && images.Embeddings.TryGetValue(pair.Image2, out var second)
            ? first.CosineSimilarity(second)
            : -1;
}
