using System.Globalization;
using System.Text.Json;
using Matcher.Face;

namespace Matcher.Cli.Commands.Faces;

/// <summary>
/// `matcher eval faces`: 1:1 verification accuracy of the face engine on a labelled pair list. Images whose face
/// cannot be extracted count as failures to detect, and their pairs are scored as the least similar possible.
/// </summary>
internal sealed class EvalFacesCommand : ICliCommand
{
    public string Name => "eval faces";

    public string Usage => "eval faces --root DIR (--pairs CSV | --pairs-from-folders SEED) [--threads N] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var root = arguments.RequireOption("root");
        var pairsPath = arguments.Option("pairs");
        var folderSeed = arguments.IntOption("pairs-from-folders");
        var threads = arguments.IntOption("threads") ?? Environment.ProcessorCount;
        var json = arguments.HasFlag("json");
        if ((pairsPath is null) == (folderSeed is null))
        {
            throw new CliUsageException("Give exactly one of --pairs CSV or --pairs-from-folders SEED.");
        }
        if (threads < 1)
        {
            throw new CliUsageException("--threads must be at least 1.");
        }
        var pairs = pairsPath is not null ? FacePairList.ReadCsv(pairsPath) : FacePairList.FromFolders(root, folderSeed!.Value);

        using var engine = FaceEngine.Load(new FaceEngineOptions
        {
            BatchParallelism = threads,
            ComputeLiveness = false,
            RejectUnusable = false,
        });
        var images = FaceImageSet.Extract(engine, root, pairs.SelectMany(p => new[] { p.Image1, p.Image2 }));
        var scored = pairs.Select(p => new ScoredPair(Similarity(images, p), p.Same, p.Fold)).ToList();
        var metrics = VerificationMetrics.Compute(scored);
        var imagesPerSecond = images.Count / Math.Max(1e-9, images.Elapsed.TotalSeconds);

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
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
        output.WriteLine($"model            {engine.EmbeddingModelId}");
        output.WriteLine($"pairs            {metrics.Pairs} ({scored.Count(p => p.Same)} same, {scored.Count(p => !p.Same)} different)");
        output.WriteLine(metrics.AccuracyStd is { } std
            ? $"accuracy         {percent(metrics.Accuracy)} +- {percent(std)} (10-fold: threshold chosen on nine folds, tested on the tenth)"
            : $"accuracy         {percent(metrics.Accuracy)} (best single threshold)");
        output.WriteLine($"threshold        {metrics.Threshold.ToString("0.0000", CultureInfo.InvariantCulture)} cosine (best on all pairs)");
        output.WriteLine($"TAR at FAR 1 %   {percent(metrics.TarAtFar1E2)}");
        output.WriteLine($"TAR at FAR 0.1 % {percent(metrics.TarAtFar1E3)}");
        output.WriteLine($"EER              {percent(metrics.Eer)}");
        output.WriteLine($"failed to detect {images.Failures.Count} of {images.Count} images");
        foreach (var reason in images.Failures.Values.GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {reason.Key}: {reason.Count()}");
        }
        output.WriteLine($"speed            {imagesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} images/s on {threads} thread(s), decode to embedding");
        return 0;
    }

    private static double Similarity(FaceImageSet images, FacePair pair) =>
        images.Embeddings.TryGetValue(pair.Image1, out var first) && images.Embeddings.TryGetValue(pair.Image2, out var second)
            ? first.CosineSimilarity(second)
            : -1;
}
