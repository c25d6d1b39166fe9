using System.Diagnostics;
using System.Globalization;
using Matcher.Core.Subjects;
using Matcher.Face;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery;
using Matcher.Population;
using Matcher.Population.Faces;
using Matcher.Testing;

namespace Matcher.Benchmarks.Scale;

/// <summary>
/// The in-process galleries of the scale benchmarks: N synthetic subjects (10 fingers + a face on real face
/// directions) from the population generator, with whatever real records a benchmark plants among them.
/// </summary>
internal static class ScaleGallery
{
    public const string Name = "population";

    private const int BasisPeople = 400;

    public static FaceEngine LoadFaces()
    {
        var models = Environment.GetEnvironmentVariable("MATCHER_MODELS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Datasets.RepositoryRoot, "models");
        return FaceEngine.Load(new FaceEngineOptions { ModelDirectory = models, RejectUnusable = false });
    }

    /// <summary>
    /// Builds the gallery and reports its build rate and memory per subject. <c>--continuation SCORE</c> sets the
    /// staged comparison's <see cref="GalleryOptions.ContinuationScore"/> (0 compares every sample).
    /// </summary>
    public static SubjectIndex Build(int subjects, ulong seed, FaceEngine faces, IEnumerable<SubjectRecord> planted, string[] args, TextWriter output)
    {
        var defaults = new GalleryOptions { Modalities = [new FingerprintIndexFactory(), new FaceIndexFactory(faces.ScoreOfSimilarity)] };
        var options = defaults with { ContinuationScore = Option(args, "--continuation", (int)defaults.ContinuationScore) };
        var index = new SubjectIndex(options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"staged comparison: continuation score {options.ContinuationScore} (0: every sample compared)"));
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var generation = Stopwatch.StartNew();
        var generator = PopulationGenerator.Create(seed, faces.EmbeddingModelId, RealFaceBasis(faces));
        Parallel.For(0, subjects, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var synthetic = generator.Generate(i);
            var samples = synthetic.Fingers.Select(f => (EnrolledSample)new EnrolledFinger(f.Position, f.Template, 60)).ToList();
            samples.Add(new EnrolledFace(faces.EmbeddingModelId, synthetic.FaceEmbedding!, 80));
            index.Add(new SubjectRecord(new SubjectKey(Name, synthetic.SubjectId), samples, DateTimeOffset.UnixEpoch));
        });
        foreach (var record in planted)
        {
            index.Add(record);
        }
        var buildSeconds = generation.Elapsed.TotalSeconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var gallerySize = index.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gallery: {gallerySize:N0} subjects generated and indexed in {buildSeconds:0.0} s ({subjects / buildSeconds:N0}/s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {(heapAfter - heapBefore) / (double)gallerySize:N0} B per subject on the managed heap (records included), index {index.MemoryBytes / (double)gallerySize:N0} B per subject"));
        return index;
    }

    /// <summary>
    /// Synthetic faces built on directions of real faces: on random directions a real probe meets every synthetic face
    /// as a stranger in 512 dimensions and the face impostor tail would be far easier than real (Population README).
    /// The directions come from the last LFW people by name, whom no planted person or stranger uses.
    /// </summary>
    private static EmbeddingBasis RealFaceBasis(FaceEngine faces)
    {
        var root = Path.Combine(Datasets.Root, "faces", "lfw", "lfw-deepfunneled");
        var images = Directory.GetDirectories(root).Order(StringComparer.Ordinal).TakeLast(BasisPeople)
            .Select(dir => Directory.GetFiles(dir, "*.jpg").Order(StringComparer.Ordinal).First())
            .Select(path => (ReadOnlyMemory<byte>)File.ReadAllBytes(path))
            .ToList();
        var embeddings = faces.ExtractBatch(images).Where(e => e.Sample is not null).Select(e => e.Sample!.Embedding.Values.ToArray()).ToList();
        return EmbeddingBasis.FromEmbeddings(embeddings, DefaultFaceModel.Parameters.Rank);
    }

    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return fallback;
        }
        if (at + 1 >= args.Length || !int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new ArgumentException($"{name} takes a whole number, such as {name} {fallback}.");
        }
        return value;
    }
}
