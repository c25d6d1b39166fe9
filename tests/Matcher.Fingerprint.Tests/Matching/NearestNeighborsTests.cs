using Matcher.Fingerprint.Matching;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

public sealed class NearestNeighborsTests
{
    [Theory]
    [InlineData(MatchingParameters.NeighborCount)]
    [InlineData(MatchingParameters.ProbeNeighborCount)]
    public void MatchesSortingEveryDistanceOnRandomMinutiae(int neighborCount)
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

            var actual = new byte[minutiae.Count * neighborCount];
            NearestNeighbors.Find(minutiae, neighborCount, actual);

            Assert.Equal(Reference(minutiae, neighborCount), actual);
        }
    }

    [Fact]
    public void VectorRanksEqualScalarRanksAtEveryLength()
    {
        var random = new Random(23);
        var width = System.Numerics.Vector<int>.Count;
        for (var length = 1; length <= 3 * width + 1; length++)
        {
            var keys = Enumerable.Range(0, 4096).OrderBy(_ => random.Next()).Take(length).Concat(Enumerable.Repeat(int.MaxValue, width)).ToArray();
            var scalar = new int[length + width];
            var vector = new int[length + width];

            NearestNeighbors.RanksScalar(keys, length, scalar);
            NearestNeighbors.RanksVector(keys, length, vector);

            Assert.Equal(scalar.AsSpan(0, length).ToArray(), vector.AsSpan(0, length).ToArray());
            Assert.Equal(Enumerable.Range(0, length), scalar.Take(length).Order());
        }
    }

    [Fact]
    public void VectorKeysEqualScalarKeysAtEveryLength()
    {
        var random = new Random(29);
        var width = System.Numerics.Vector<int>.Count;
        for (var length = width; length <= 4 * width; length += width)
        {
            // Coordinates spread past the edge length and coincide now and then, so every kind of key appears.
            var xs = Enumerable.Range(0, length).Select(_ => random.Next(-200, 200)).ToArray();
            var ys = Enumerable.Range(0, length).Select(_ => random.Next(-200, 200)).ToArray();
            xs[length - 1] = xs[0];
            ys[length - 1] = ys[0];
            for (var of = 0; of < length; of++)
            {
                var scalar = new int[length];
                var vector = new int[length];
                NearestNeighbors.KeysScalar(xs, ys, of, scalar);
                NearestNeighbors.KeysVector(xs, ys, of, vector);
                Assert.Equal(scalar, vector);
            }
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
