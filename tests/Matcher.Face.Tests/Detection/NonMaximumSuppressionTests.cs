using Matcher.Face.Detection;
using Xunit;

namespace Matcher.Face.Tests.Detection;

public sealed class NonMaximumSuppressionTests
{
    [Fact]
    public void KeepsTheBestOfOverlappingBoxesAndEverySeparateBox()
    {
        var candidates = new List<FaceBox>
        {
            new(0, 0, 100, 100, 0.8),
            new(5, 5, 105, 105, 0.95),
            new(200, 200, 260, 260, 0.7),
            new(2, 0, 102, 100, 0.9),
        };

        var kept = NonMaximumSuppression.Apply(candidates, 0.4);

        Assert.Equal([0.95, 0.7], kept.Select(b => b.Confidence));
    }

    [Fact]
    public void IntersectionOverUnionOfKnownBoxes()
    {
        var a = new FaceBox(0, 0, 10, 10, 1);

        Assert.Equal(1, a.IntersectionOverUnion(a), 1e-12);
        Assert.Equal(0, a.IntersectionOverUnion(new FaceBox(10, 0, 20, 10, 1)), 1e-12);
        Assert.Equal(50.0 / 150, a.IntersectionOverUnion(new FaceBox(5, 0, 15, 10, 1)), 1e-12);
    }

    [Fact]
    public void SquareKeepsTheCentreAndTakesTheHeightAsSide()
    {
        var square = new FaceBox(10, 20, 30, 60, 1).ToSquare();

        Assert.Equal(new FaceBox(0, 20, 40, 60, 1), square);
    }

    [Fact]
    public void CanvasAddsTheMarginAndHasTheDetectorAspect()
    {
        var canvas = DetectionCanvas.Around(92, 112);

        Assert.Equal(4.0 / 3.0, canvas.Width / canvas.Height, 1e-9);
        Assert.True(canvas.Left < -0.29 * 92 && canvas.Top < -0.29 * 112);
        Assert.Equal(92 / 2.0, canvas.Left + canvas.Width / 2, 1e-9);
    }
}
