using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Matcher.Simd.Bits;

/// <summary>
/// Turns the shared-bit counts of a first-stage scan into positions on a score table's grid, a vector of rows at a
/// time: the standardised similarity z = (count - e_q * e_r / mean) * (s_q * s_r) of the query (e_q, s_q) and each
/// row (e_r, s_r), then (z - minimum) * stepsPerUnit. Every path performs the same single-precision operations in the
/// same order (no fused multiply-add), so they agree with the scalar reference to the last bit.
/// </summary>
public static class StandardisedCounts
{
    public static void GridPositions(ReadOnlySpan<int> counts, ReadOnlySpan<float> expectations, ReadOnlySpan<float> spreads,
        QueryNorm query, float minimum, float stepsPerUnit, Span<float> positions)
    {
        if (expectations.Length < counts.Length || spreads.Length < counts.Length || positions.Length < counts.Length)
        {
            throw new ArgumentException($"{counts.Length} counts need as many expectations, spreads and positions.");
        }
        var done = Vector.IsHardwareAccelerated ? GridPositionsVector(counts, expectations, spreads, query, minimum, stepsPerUnit, positions) : 0;
        GridPositionsScalar(counts[done..], expectations[done..], spreads[done..], query, minimum, stepsPerUnit, positions[done..]);
    }

    /// <summary>The reference every path must equal.</summary>
    internal static void GridPositionsScalar(ReadOnlySpan<int> counts, ReadOnlySpan<float> expectations, ReadOnlySpan<float> spreads,
        QueryNorm query, float minimum, float stepsPerUnit, Span<float> positions)
    {
        for (var row = 0; row < counts.Length; row++)
        {
            var similarity = (counts[row] - query.Expectation * expectations[row] / query.MeanExpectation) * (query.Spread * spreads[row]);
            positions[row] = (similarity - minimum) * stepsPerUnit;
        }
    }

    /// <summary>In vectors of the machine's preferred width (<see cref="Vector{T}"/>).</summary>
    /// <returns>The rows done: all whole vectors of rows.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int GridPositionsVector(ReadOnlySpan<int> counts, ReadOnlySpan<float> expectations, ReadOnlySpan<float> spreads,
        QueryNorm query, float minimum, float stepsPerUnit, Span<float> positions)
    {
        var whole = counts.Length - counts.Length % Vector<float>.Count;
        var queryExpectation = new Vector<float>(query.Expectation);
        var mean = new Vector<float>(query.MeanExpectation);
        var querySpread = new Vector<float>(query.Spread);
        var low = new Vector<float>(minimum);
        var steps = new Vector<float>(stepsPerUnit);
        ref var countStart = ref MemoryMarshal.GetReference(counts);
        ref var expectationStart = ref MemoryMarshal.GetReference(expectations);
        ref var spreadStart = ref MemoryMarshal.GetReference(spreads);
        ref var positionStart = ref MemoryMarshal.GetReference(positions);
        for (var row = 0; row < whole; row += Vector<float>.Count)
        {
            var count = Vector.ConvertToSingle(Vector.LoadUnsafe(ref countStart, (nuint)row));
            var expected = queryExpectation * Vector.LoadUnsafe(ref expectationStart, (nuint)row) / mean;
            var similarity = (count - expected) * (querySpread * Vector.LoadUnsafe(ref spreadStart, (nuint)row));
            ((similarity - low) * steps).StoreUnsafe(ref positionStart, (nuint)row);
        }
        return whole;
    }
}

/// <summary>The query's side of <see cref="StandardisedCounts"/>: its expectation and spread, and the background's mean expectation.</summary>
public readonly record struct QueryNorm(float Expectation, float Spread, float MeanExpectation);
