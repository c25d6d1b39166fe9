using Matcher.Face.Tests.Support;
using Xunit;

namespace Matcher.Face.Tests.Pipeline;

/// <summary>Accuracy floors on subsets of the real benchmarks; the full figures come from `matcher eval faces`.</summary>
public sealed class AccuracyTests
{
    // The full LFW DevTest (1,000 pairs) reaches 99.4 % at a threshold near 0.30; 200 pairs leave room for sampling noise.
    private const double LfwFloor = 0.97;
    private const double OrlFloor = 0.99;
    private const double DocumentedThreshold = 0.30;

    [Fact]
    public void LfwDevTestSubsetOf200PairsIsAbove97Percent()
    {
        var engine = TestEngine.RequireLenient();
        var root = FaceImages.LfwRoot;
        // The CSV holds 500 same pairs then 500 different ones: every fifth pair gives 100 of each.
        var pairs = File.ReadAllLines(Path.Combine(root, "pairsDevTest.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where((_, i) => i % 5 == 0)
            .Select(c => (First: c[0], Second: c[1], Same: c[2] == "1"))
            .ToList();
        var paths = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().ToList();
        var results = engine.ExtractBatch(paths.Select(p => new ReadOnlyMemory<byte>(File.ReadAllBytes(Path.Combine(root, p)))).ToList(), TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var embeddings = paths.Zip(results, (path, result) => (path, result.Sample!.Embedding)).ToDictionary();

        var scored = pairs.Select(p => (embeddings[p.First].CosineSimilarity(embeddings[p.Second]), p.Same)).ToList();

        Assert.Equal(100, scored.Count(p => p.Same));
        Assert.InRange(PairAccuracy.Best(scored), LfwFloor, 1);
        Assert.InRange(PairAccuracy.At(scored, DocumentedThreshold), LfwFloor - 0.01, 1);
    }

    [Fact]
    public void OrlAllPairsOfTwentyPeopleAreAbove99Percent()
    {
        var engine = TestEngine.RequireLenient();
        var images = Enumerable.Range(1, 20).SelectMany(s => Enumerable.Range(1, 5).Select(i => (Subject: s, Bytes: FaceImages.OrlBytes(s, i)))).ToList();
        var results = engine.ExtractBatch(images.Select(i => new ReadOnlyMemory<byte>(i.Bytes)).ToList(), TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));

        var scored = new List<(double, bool)>();
        for (var a = 0; a < images.Count; a++)
        {
            for (var b = a + 1; b < images.Count; b++)
            {
                scored.Add((results[a].Sample!.Embedding.CosineSimilarity(results[b].Sample!.Embedding), images[a].Subject == images[b].Subject));
            }
        }

        Assert.Equal(200, scored.Count(p => p.Item2));
        // Balanced accuracy: impostors outnumber genuine pairs 24 to 1, so plain accuracy would hide misses.
        var best = scored.Select(p => p.Item1).Distinct().Max(t =>
            (scored.Where(p => p.Item2).Count(p => p.Item1 >= t) / 200.0 + scored.Where(p => !p.Item2).Count(p => p.Item1 < t) / (scored.Count - 200.0)) / 2);
        Assert.InRange(best, OrlFloor, 1);
    }
}
