using Matcher.Cli.Commands.Faces;
using Xunit;

namespace Matcher.Cli.Tests.Faces;

public sealed class VerificationMetricsTests
{
    [Fact]
    public void SeparatedScoresArePerfect()
    {
        var pairs = Enumerable.Range(0, 50).Select(i => new ScoredPair(0.6 + i / 1000.0, true, null))
            .Concat(Enumerable.Range(0, 50).Select(i => new ScoredPair(0.1 + i / 1000.0, false, null)))
            .ToList();

        var metrics = VerificationMetrics.Compute(pairs);

        Assert.Equal(1, metrics.Accuracy);
        Assert.Null(metrics.AccuracyStd);
        Assert.InRange(metrics.Threshold, 0.149, 0.6);
        Assert.Equal(1, metrics.TarAtFar1E2);
        Assert.Equal(1, metrics.TarAtFar1E3);
        Assert.Equal(0, metrics.Eer);
        Assert.Equal(100, metrics.Pairs);
    }

    [Fact]
    public void OverlapGivesTheExpectedErrors()
    {
        // Genuine 0.0..0.99, impostor -0.5..0.49 in steps of 0.01: half of each lies in the overlap.
        var pairs = Enumerable.Range(0, 100).Select(i => new ScoredPair(i / 100.0, true, null))
            .Concat(Enumerable.Range(0, 100).Select(i => new ScoredPair((i - 50) / 100.0, false, null)))
            .ToList();

        var metrics = VerificationMetrics.Compute(pairs);

        Assert.Equal(0.75, metrics.Accuracy, 1e-9);
        Assert.Equal(0.25, metrics.Eer, 0.011);
        // At most one impostor of 100 may pass: threshold above 0.48, so genuine from 0.49 up pass.
        Assert.Equal(0.51, metrics.TarAtFar1E2, 1e-9);
        Assert.Equal(0.50, metrics.TarAtFar1E3, 1e-9);
    }

    [Fact]
    public void TenFoldProtocolReportsMeanAndSpread()
    {
        var random = new Random(4);
        var pairs = Enumerable.Range(0, 600)
            .Select(i => new ScoredPair(random.NextDouble() + (i % 2 == 0 ? 0.6 : 0), i % 2 == 0, i / 2 % 10))
            .ToList();

        var metrics = VerificationMetrics.Compute(pairs);

        Assert.NotNull(metrics.AccuracyStd);
        // Genuine uniform on [0.6, 1.6), impostor on [0, 1): the best threshold errs on 20 % of pairs.
        Assert.InRange(metrics.Accuracy, 0.75, 0.85);
        Assert.InRange(metrics.AccuracyStd!.Value, 0.001, 0.1);
    }

    [Fact]
    public void NeedsBothKindsOfPairs() =>
        Assert.Throws<CliUsageException>(() => VerificationMetrics.Compute([new ScoredPair(0.5, true, null)]));
}
