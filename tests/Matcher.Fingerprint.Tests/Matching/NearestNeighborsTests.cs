using Matcher.Fingerprint.Matching;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

public sealed class NearestNeighborsTests
{
    [Fact]
    public void MatchesSortingEveryDistanceOnRandomMinutiae()
    {
        var random = new Random(17);
        for (var trial = 0; trial < 300; trial++)
        {
            // Small areas make ties, coincident minutiae and full neighbour lists; large ones leave lists short.
            var side = random.Next(20, 600);
            var minutiae = new PackedMinutiae(random.Next(1, MatchingParameters.MaxMinutiae + 1));
            for (var i = 0; i < minutiae.Count; i++)
            {
                minutiae.X[i] = (short)random.Next(side);
                minutiae.Y[i] = (short)-random.Next(side);
            }

            var actual = NearestNeighbors.Find(minutiae, MatchingParameters.NeighborCount);

            Assert.Equal(Reference(minutiae, MatchingParameters.NeighborCount), actual);
        }
    }

    /// <summary>Every other minutia at a distance in (0, MaxEdgeLength], sorted by distance then index, the first few kept.</summary>
    private static byte[] Reference(PackedMinutiae minutiae, int neighborCount)
    {
        var result = Enumerable.Repeat(NearestNeighbors.None, minutiae.Count * neighborCount).ToArray();
        for (var i = 0; i < minutiae.Count; i++)
        {
            var nearest = Enumerable.Range(0, minutiae.Count)
                .Select(j => (Index: j, Squared: Squared(minutiae.X[j] - minutiae.X[i]) + Squared(minutiae.Y[j] - minutiae.Y[i])))
                .Where(c => c.Squared > 0 && c.Squared <= MatchingParameters.MaxEdgeLength * MatchingParameters.MaxEdgeLength)
                .OrderBy(c => c.Squared)
                .ThenBy(c => c.Index)
                .Take(neighborCount)
                .ToList();
            for (var k = 0; k < nearest.Count; k++)
            {
                result[i * neighborCount + k] = (byte)nearest[k].Index;
            }
        }
        return result;
    }

    private static int Squared(int value) => value * value;
}
