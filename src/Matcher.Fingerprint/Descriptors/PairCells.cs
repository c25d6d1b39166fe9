using Matcher.Fingerprint.Matching;

namespace Matcher.Fingerprint.Descriptors;

/// <summary>
/// The bits of a finger's descriptor: every directed edge from a minutia to one of its nearest neighbours, described
/// by its length, its direction relative to the first minutia and the second minutia's direction relative to the first
/// (all invariant to where the finger lay on the sensor and how it was turned), binned and hashed onto the bit vector.
/// </summary>
internal static class PairCells
{
    /// <summary>Fibonacci hashing spreads neighbouring cells over the whole vector; more cells than bits is deliberate.</summary>
    private const uint HashMultiplier = 2654435761u;

    private static readonly int HashShift = 32 - System.Numerics.BitOperations.Log2(DescriptorParameters.Bits);

    public static void Mark(PackedMinutiae minutiae, Span<ulong> bits)
    {
        const int k = MatchingParameters.NeighborCount;
        const int stride = MatchingParameters.ProbeNeighborCount;
        for (var i = 0; i < minutiae.Count; i++)
        {
            for (var n = 0; n < k; n++)
            {
                var j = minutiae.Neighbors[i * stride + n];
                if (j == NearestNeighbors.None)
                {
                    break;
                }
                var (length, fromAngle, toAngle) = EdgeFeatures.Describe(
                    minutiae.X[j] - minutiae.X[i], minutiae.Y[j] - minutiae.Y[i], minutiae.Direction[i], minutiae.Direction[j]);
                var bit = BitOf(length, fromAngle, toAngle);
                bits[bit >> 6] |= 1UL << (bit & 63);
            }
        }
    }

    private static int BitOf(byte length, byte fromAngle, byte toAngle)
    {
        var lengthBin = Math.Min(length / DescriptorParameters.LengthBin, DescriptorParameters.LengthBins - 1);
        var cell = (lengthBin * DescriptorParameters.AngleBins + (fromAngle >> DescriptorParameters.AngleShift))
            * DescriptorParameters.AngleBins + (toAngle >> DescriptorParameters.AngleShift);
        return (int)((uint)cell * HashMultiplier >> HashShift);
    }
}
