using System.Runtime.Intrinsics;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Lists the supported pairs of one direction by scanning its support matrix row by row. The order is then fixed by
/// the two templates alone, not by the order their edges were looked up in: either template may hold the hash that
/// finds a direction's edge matches, and the direction's score must not depend on which.
/// </summary>
internal static class SupportedPairList
{
    public static void Fill(DirectionSupport direction)
    {
        if (!Vector128.IsHardwareAccelerated)
        {
            FillScalar(direction);
            return;
        }
        var columns = direction.CandidateCount;
        var support = direction.Support;
        var pairs = direction.SupportedPairs;
        var count = 0;
        for (var row = 0; row < direction.ProbeCount; row++)
        {
            var start = row * columns;
            var column = 0;
            for (; column + Vector128<byte>.Count <= columns; column += Vector128<byte>.Count)
            {
                var cells = Vector128.LoadUnsafe(ref support[start + column]);
                for (var bits = ~Vector128.Equals(cells, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF; bits != 0; bits &= bits - 1)
                {
                    pairs[count++] = (ushort)(row << 8 | column + System.Numerics.BitOperations.TrailingZeroCount(bits));
                }
            }
            for (; column < columns; column++)
            {
                pairs[count] = (ushort)(row << 8 | column);
                count += support[start + column] != 0 ? 1 : 0;
            }
        }
        direction.SupportedPairCount = count;
    }

    /// <summary>The plain reference the vector path must agree with.</summary>
    public static void FillScalar(DirectionSupport direction)
    {
        var count = 0;
        for (var row = 0; row < direction.ProbeCount; row++)
        {
            for (var column = 0; column < direction.CandidateCount; column++)
            {
                if (direction.SupportOf(row, column) != 0)
                {
                    direction.SupportedPairs[count++] = (ushort)(row << 8 | column);
                }
            }
        }
        direction.SupportedPairCount = count;
    }
}
