using Matcher.Population.Fingerprints;
using Xunit;

namespace Matcher.Population.Tests.Fingerprints;

public sealed class OrientationModelTests
{
    [Theory]
    [InlineData(true, Math.PI)]
    [InlineData(false, -Math.PI)]
    public void TheOrientationTurnsByHalfATurnAroundACoreAndBackAroundADelta(bool isCore, double expectedTurn)
    {
        var model = new OrientationModel([new SingularPoint(200, 200, isCore), new SingularPoint(600, 600, !isCore)], 0.3, []);

        Assert.Equal(expectedTurn, TurnAlongCircle(model, 200, 200, radius: 40), precision: 6);
        Assert.Equal(0, TurnAlongCircle(model, 400, 150, radius: 40), precision: 6);
    }

    [Fact]
    public void FarBelowALoopTheRidgesRunAcrossTheFingerAtItsPlacement()
    {
        var rotation = 0.2;
        var loop = new OrientationModel([new SingularPoint(200, 200, IsCore: true), new SingularPoint(300, 320, IsCore: false)], rotation, []);

        Assert.Equal(rotation, loop.RidgeOrientation(250, 30_000), precision: 2);
    }

    /// <summary>Sum of the (modulo pi) orientation changes along a counter-clockwise circle as seen on the image.</summary>
    private static double TurnAlongCircle(OrientationModel model, double cx, double cy, double radius)
    {
        const int steps = 720;
        var total = 0.0;
        var previous = model.RidgeOrientation(cx + radius, cy);
        for (var step = 1; step <= steps; step++)
        {
            var angle = 2 * Math.PI * step / steps;
            var current = model.RidgeOrientation(cx + (radius * Math.Cos(angle)), cy - (radius * Math.Sin(angle)));
            var change = current - previous;
            change -= Math.PI * Math.Round(change / Math.PI);
            total += change;
            previous = current;
        }
        return total;
    }
}
