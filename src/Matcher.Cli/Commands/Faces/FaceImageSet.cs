using System.Diagnostics;
using Matcher.Cli.Display;
using Matcher.Face;
using Matcher.Face.Embedding;

namespace Matcher.Cli.Commands.Faces;

/// <summary>Embeddings of many image files under one root, extracted with the engine's batch API on all cores.</summary>
internal sealed class FaceImageSet
{
    // Bounds the encoded bytes held in memory at once, whatever the size of the set.
    private const int ChunkSize = 256;

    private FaceImageSet(Dictionary<string, FaceEmbedding> embeddings, Dictionary<string, string> failures, TimeSpan elapsed)
    {
        Embeddings = embeddings;
        Failures = failures;
        Elapsed = elapsed;
    }

    public IReadOnlyDictionary<string, FaceEmbedding> Embeddings { get; }

    /// <summary>Images without an embedding, with the reason code.</summary>
    public IReadOnlyDictionary<string, string> Failures { get; }

    public TimeSpan Elapsed { get; }

    public int Count => Embeddings.Count + Failures.Count;

    public static FaceImageSet Extract(FaceEngine engine, string root, IEnumerable<string> relativePaths, IProgress<ProgressStep> progress)
    {
        var paths = relativePaths.Distinct(StringComparer.Ordinal).ToList();
        var embeddings = new Dictionary<string, FaceEmbedding>(StringComparer.Ordinal);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var stage = $"faces of {Path.GetFileName(Path.TrimEndingDirectorySeparator(root))}";
        var clock = Stopwatch.StartNew();
        foreach (var chunk in paths.Chunk(ChunkSize))
        {
            var encoded = chunk.Select(p => new ReadOnlyMemory<byte>(ReadImage(root, p))).ToList();
            var results = engine.ExtractBatch(encoded);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (results[i].Sample is { } sample)
                {
                    embeddings[chunk[i]] = sample.Embedding;
                }
                else
                {
                    failures[chunk[i]] = results[i].Error!.ReasonCode;
                }
            }
            progress.Report(new ProgressStep(stage, embeddings.Count + failures.Count, paths.Count));
        }
        return new FaceImageSet(embeddings, failures, clock.Elapsed);
    }

    private static byte[] ReadImage(string root, string relativePath)
    {
        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Image '{path}' listed in the pairs does not exist.", path);
        }
        return File.ReadAllBytes(path);
    }
}
