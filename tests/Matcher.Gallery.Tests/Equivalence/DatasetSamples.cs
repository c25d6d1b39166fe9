using System.Globalization;
using Matcher.Core.Errors;
using Matcher.Face;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Indexing;
using Matcher.Imaging;
using Matcher.Testing;
using Xunit;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>Two captures of one finger or one face: the first to enroll, the second to probe with.</summary>
internal sealed record CapturePair<T>(string Name, T Enrolled, T Probe);

/// <summary>
/// Templates and embeddings our own engines make from the shared datasets, two captures per finger or face. Skips the
/// calling test when a dataset or the face models are missing. Captures the engines refuse are left out.
/// </summary>
internal static class DatasetSamples
{
    /// <summary>FVC2002 DB2_B was scanned at 569 dpi; every other FVC B set at 500 (see the datasets' README).</summary>
    private static readonly (string Folder, int Dpi)[] FvcDatabases =
    [
        ("fvc2002/DB1_B", 500), ("fvc2002/DB2_B", 569), ("fvc2002/DB3_B", 500), ("fvc2002/DB4_B", 500),
        ("fvc2000/DB1_B", 500), ("fvc2000/DB2_B", 500), ("fvc2000/DB3_B", 500), ("fvc2000/DB4_B", 500),
    ];

    private static readonly Lazy<FaceEngine?> Engine = new(LoadFaceEngine);

    private static string ModelDirectory =>
        Environment.GetEnvironmentVariable("MATCHER_MODELS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Datasets.RepositoryRoot, "models");

    /// <summary>Every FVC2002 and FVC2000 B finger (80), impressions 1 and 2, all at one position.</summary>
    public static IReadOnlyList<CapturePair<EnrolledFinger>> FvcFingers(int position)
    {
        var fingers = FvcDatabases.SelectMany(db =>
        {
            var folder = Datasets.Require($"fingerprints/{db.Folder}");
            return Enumerable.Range(101, 10).Select(finger =>
                (Name: $"{db.Folder}/{finger}", First: Path.Combine(folder, $"{finger}_1.tif"),
                    Second: Path.Combine(folder, $"{finger}_2.tif"), db.Dpi, Position: position));
        });
        return ExtractFingers(fingers.ToList());
    }

    /// <summary>The CrossMatch fingers (51 of 9 people, files PPP_F_S.tif), impressions 1 and 2, at position F.</summary>
    public static IReadOnlyList<CapturePair<EnrolledFinger>> CrossMatchFingers()
    {
        var folder = Datasets.Require("fingerprints/neurotech-crossmatch");
        var fingers = Directory.GetFiles(folder, "*_1.tif").Order(StringComparer.Ordinal).Select(first =>
        {
            var name = Path.GetFileNameWithoutExtension(first)[..^2];
            var position = int.Parse(name.Split('_')[1], CultureInfo.InvariantCulture);
            return (Name: name, First: first, Second: Path.Combine(folder, $"{name}_2.tif"), Dpi: 500, Position: position);
        });
        return ExtractFingers(fingers.ToList());
    }

    /// <summary>The first <paramref name="count"/> LFW people (by name) with two images that both give a face.</summary>
    public static IReadOnlyList<CapturePair<EnrolledFace>> LfwFaces(int count)
    {
        var root = Path.Combine(Datasets.Require("faces/lfw"), "lfw-deepfunneled");
        var people = Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .Select(dir => Directory.GetFiles(dir, "*.jpg").Order(StringComparer.Ordinal).ToArray())
            .Where(files => files.Length >= 2)
            .Select(files => (Name: Path.GetFileName(Path.GetDirectoryName(files[0]))!, First: files[0], Second: files[1]));
        return EmbedFaces(people.Take(count * 11 / 10).ToList()).Take(count).ToList();
    }

    /// <summary>The 40 ORL people, images 1 and 2.</summary>
    public static IReadOnlyList<CapturePair<EnrolledFace>> OrlFaces()
    {
        var root = Datasets.Require("faces/orl-att");
        return EmbedFaces(Enumerable.Range(1, 40)
            .Select(s => (Name: $"orl-s{s}", First: Path.Combine(root, $"s{s}", "1.pgm"), Second: Path.Combine(root, $"s{s}", "2.pgm")))
            .ToList());
    }

    /// <summary>The face model's fitted map from cosine similarity to the calibrated score.</summary>
    public static double FaceScoreOfSimilarity(double cosine) => RequireFaceEngine().ScoreOfSimilarity(cosine);

    private static List<CapturePair<EnrolledFinger>> ExtractFingers(
        IReadOnlyList<(string Name, string First, string Second, int Dpi, int Position)> fingers)
    {
        var extractor = new FingerprintExtractor();
        var pairs = new CapturePair<EnrolledFinger>?[fingers.Count];
        Parallel.For(0, fingers.Count, i =>
        {
            var (name, first, second, dpi, position) = fingers[i];
            try
            {
                pairs[i] = new CapturePair<EnrolledFinger>(name, Extract(first), Extract(second));
            }
            catch (BiometricInputException)
            {
                pairs[i] = null;
            }

            EnrolledFinger Extract(string path)
            {
                var result = extractor.Extract(ImageDecoder.DecodeGray(File.ReadAllBytes(path)), dpi);
                return new EnrolledFinger(position, result.Template, result.Quality);
            }
        });
        return pairs.OfType<CapturePair<EnrolledFinger>>().ToList();
    }

    private static List<CapturePair<EnrolledFace>> EmbedFaces(IReadOnlyList<(string Name, string First, string Second)> people)
    {
        var engine = RequireFaceEngine();
        var images = people.SelectMany(p => new[] { p.First, p.Second })
            .Select(path => (ReadOnlyMemory<byte>)File.ReadAllBytes(path))
            .ToList();
        var extracted = engine.ExtractBatch(images);
        var pairs = new List<CapturePair<EnrolledFace>>();
        for (var i = 0; i < people.Count; i++)
        {
            if (extracted[2 * i].Sample is { } first && extracted[2 * i + 1].Sample is { } second)
            {
                pairs.Add(new CapturePair<EnrolledFace>(people[i].Name, Face(first), Face(second)));
            }
        }
        return pairs;

        static EnrolledFace Face(FaceSample sample) =>
            new(sample.Embedding.ModelId, sample.Embedding.Values.ToArray(), (int)Math.Round(sample.Quality.Score));
    }

    private static FaceEngine RequireFaceEngine()
    {
        if (Engine.Value is not { } engine)
        {
            Assert.Skip($"Face models not found in '{ModelDirectory}'. Run ./scripts/fetch-models.sh or set MATCHER_MODELS.");
            return null!;
        }
        return engine;
    }

    /// <summary>Lenient, as an evaluation is: a capture of poor quality still gives its embedding.</summary>
    private static FaceEngine? LoadFaceEngine() =>
        File.Exists(Path.Combine(ModelDirectory, "fr_feature.onnx"))
            ? FaceEngine.Load(new FaceEngineOptions { ModelDirectory = ModelDirectory, RejectUnusable = false })
            : null;
}
