using Matcher.Face;
using Matcher.Population.Faces;
using Matcher.Population.Validation;
using Matcher.Testing;
using Xunit;

namespace Matcher.Population.Tests.Validation;

/// <summary>
/// Synthetic faces against real LFW and ORL faces embedded by the default model: synthetic impostor tails must reach
/// as high as real ones. Against real faces that holds only with a basis taken from real faces (of other people).
/// </summary>
public sealed class FaceValidationTests(ITestOutputHelper output)
{
    private const int SyntheticFaces = 1200;

    /// <summary>A third of LFW (with all of ORL) keeps the run short while the real tail still rests on 400,000 pairs.</summary>
    private const int LfwImages = 600;

    private static string ModelDirectory => Path.Combine(Datasets.RepositoryRoot, "models");

    [Fact]
    public void SyntheticFaceImpostorsAreNoEasierThanRealOnes()
    {
        var lfw = Datasets.Require("faces/lfw/lfw-deepfunneled");
        var orl = Datasets.Require("faces/orl-att");
        if (!File.Exists(Path.Combine(ModelDirectory, "fr_feature.onnx")))
        {
            Assert.Skip($"Face models not found in '{ModelDirectory}'. Run ./scripts/fetch-models.sh from the repository root.");
        }
        using var engine = FaceEngine.Load(new FaceEngineOptions { ModelDirectory = ModelDirectory, ComputeLiveness = false, RejectUnusable = false });
        var real = Embed(engine, lfw, LfwImages).Concat(Embed(engine, orl, int.MaxValue)).ToList();
        var people = real.Select(f => f.Person).Distinct().Order(StringComparer.Ordinal).ToList();
        var basisPeople = people.Where((_, i) => i % 2 == 0).ToHashSet();
        var basis = EmbeddingBasis.FromEmbeddings([.. real.Where(f => basisPeople.Contains(f.Person)).Select(f => f.Embedding)], DefaultFaceModel.Parameters.Rank);
        var heldOut = real.Where(f => !basisPeople.Contains(f.Person)).ToList();
        var shaped = PopulationGenerator.Create(seed: 3, engine.EmbeddingModelId, basis);
        var random = PopulationGenerator.Create(seed: 3, engine.EmbeddingModelId);

        var withRealBasis = new ValidationReport(FaceValidation.Measure(heldOut, Faces(shaped), engine.ScoreOfSimilarity, Environment.ProcessorCount));
        var withRandomBasis = new ValidationReport(FaceValidation.Measure(real, Faces(random), engine.ScoreOfSimilarity, Environment.ProcessorCount));

        foreach (var (name, report) in new[] { ("real basis", withRealBasis), ("random basis", withRandomBasis) })
        {
            foreach (var row in report.Distributions.Where(d => d.Modality == FaceValidation.CosineModality))
            {
                output.WriteLine($"{name}, {row.Comparison}: {row.Scores.Pairs} pairs, cosine quantiles {string.Join(" / ", row.Scores.Values.Select(v => v.ToString("0.000")))}");
            }
        }
        Assert.True(real.Count > 950, $"{real.Count} real faces embedded");
        Assert.True(withRealBasis.SyntheticIsNoEasier(FaceValidation.CosineModality, share: 0.8), "with a basis from real faces, synthetic faces are no easier");
        Assert.True(withRandomBasis.Of(FaceValidation.CosineModality, ImpostorComparison.SyntheticVsSynthetic).Q999
            >= withRandomBasis.Of(FaceValidation.CosineModality, ImpostorComparison.RealVsReal).Q999, "synthetic faces confuse each other as much as real ones");
        // Without real structure a synthetic face meets a real one like a random direction: spread 1 / sqrt(512).
        Assert.InRange(withRandomBasis.Of(FaceValidation.CosineModality, ImpostorComparison.SyntheticVsReal).Q999, 0.1, 0.2);
        Assert.True(withRealBasis.Of(FaceValidation.ScoreModality, ImpostorComparison.SyntheticVsSynthetic).Q999 >= 25, "calibrated score of the synthetic 99.9 % quantile");
    }

    private static List<float[]> Faces(PopulationGenerator generator) =>
        [.. Enumerable.Range(0, SyntheticFaces).Select(i => generator.GenerateFace(i)!)];

    private static IEnumerable<RealFace> Embed(FaceEngine engine, string root, int images)
    {
        var files = Directory.GetFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pgm", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).Take(images).ToList();
        var results = engine.ExtractBatch([.. files.Select(f => new ReadOnlyMemory<byte>(File.ReadAllBytes(f)))]);
        return files.Zip(results)
            .Where(pair => pair.Second.Succeeded)
            .Select(pair => new RealFace($"{root}/{Path.GetFileName(Path.GetDirectoryName(pair.First))}", pair.Second.Sample!.Embedding.Values.ToArray()));
    }
}
