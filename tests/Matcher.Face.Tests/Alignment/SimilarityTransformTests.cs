using Matcher.Face.Alignment;
using Matcher.Face.Landmarks;
using Matcher.Face.Sampling;
using Xunit;

namespace Matcher.Face.Tests.Alignment;

public sealed class SimilarityTransformTests
{
    [Fact]
    public void RecoversAnExactSimilarity()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var angle = (random.NextDouble() - 0.5) * 2 * Math.PI;
            var scale = 0.1 + 3 * random.NextDouble();
            var truth = new AffineMap(
                scale * Math.Cos(angle), -scale * Math.Sin(angle), random.Next(-500, 500),
                scale * Math.Sin(angle), scale * Math.Cos(angle), random.Next(-500, 500));
            var from = RandomPoints(random);

            var estimate = SimilarityTransform.Estimate(from, Map(truth, from));

            Assert.Equal(truth.A, estimate.A, 1e-9);
            Assert.Equal(truth.B, estimate.B, 1e-9);
            Assert.Equal(truth.C, estimate.C, 1e-6);
            Assert.Equal(truth.D, estimate.D, 1e-9);
            Assert.Equal(truth.E, estimate.E, 1e-9);
            Assert.Equal(truth.F, estimate.F, 1e-6);
        }
    }

    [Fact]
    public void MatchesTheNormalEquationsOfTheLeastSquaresProblemOnNoisyPoints()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var from = RandomPoints(random);
            var to = RandomPoints(random);

            var estimate = SimilarityTransform.Estimate(from, to);
            var reference = SolveNormalEquations(from, to);

            Assert.Equal(reference[0], estimate.A, 1e-8);
            Assert.Equal(reference[1], estimate.D, 1e-8);
            Assert.Equal(reference[2], estimate.C, 1e-6);
            Assert.Equal(reference[3], estimate.F, 1e-6);
            Assert.Equal(-estimate.D, estimate.B, 1e-12);
            Assert.Equal(estimate.A, estimate.E, 1e-12);
        }
    }

    [Fact]
    public void AlignsTheReferencePointsOntoThemselves()
    {
        var identity = SimilarityTransform.Estimate(FivePoints.ArcFaceReference, FivePoints.ArcFaceReference);

        Assert.Equal(1, identity.A, 1e-12);
        Assert.Equal(0, identity.B, 1e-12);
        Assert.Equal(0, identity.C, 1e-9);
        Assert.Equal(0, identity.F, 1e-9);
    }

    [Fact]
    public void RefusesCoincidentPoints()
    {
        var point = new PointD(10, 10);
        var collapsed = new FivePoints(point, point, point, point, point);

        Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(collapsed, FivePoints.ArcFaceReference));
    }

    private static FivePoints RandomPoints(Random random)
    {
        PointD Next() => new(random.NextDouble() * 300, random.NextDouble() * 300);
        return new FivePoints(Next(), Next(), Next(), Next(), Next());
    }

    private static FivePoints Map(AffineMap map, FivePoints points)
    {
        PointD Apply(PointD p)
        {
            var (x, y) = map.Apply(p.X, p.Y);
            return new PointD(x, y);
        }
        return new FivePoints(Apply(points.LeftEye), Apply(points.RightEye), Apply(points.Nose), Apply(points.LeftMouth), Apply(points.RightMouth));
    }

    /// <summary>Plain least squares for (a, b, tx, ty) in u = a x - b y + tx, v = b x + a y + ty, by Gaussian elimination.</summary>
    private static double[] SolveNormalEquations(FivePoints from, FivePoints to)
    {
        var normal = new double[4, 5];
        for (var i = 0; i < 5; i++)
        {
            var (x, y, u, v) = (from[i].X, from[i].Y, to[i].X, to[i].Y);
            double[][] rows = [[x, -y, 1, 0, u], [y, x, 0, 1, v]];
            foreach (var row in rows)
            {
                for (var r = 0; r < 4; r++)
                {
                    for (var c = 0; c < 5; c++)
                    {
                        normal[r, c] += row[r] * row[c];
                    }
                }
            }
        }
        for (var pivot = 0; pivot < 4; pivot++)
        {
            for (var r = 0; r < 4; r++)
            {
                if (r == pivot)
                {
                    continue;
                }
                var factor = normal[r, pivot] / normal[pivot, pivot];
                for (var c = 0; c < 5; c++)
                {
                    normal[r, c] -= factor * normal[pivot, c];
                }
            }
        }
        return [normal[0, 4] / normal[0, 0], normal[1, 4] / normal[1, 1], normal[2, 4] / normal[2, 2], normal[3, 4] / normal[3, 3]];
    }
}
