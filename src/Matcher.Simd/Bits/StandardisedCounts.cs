using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Matcher.Simd.Bits;

/// <summary>
/// Turns the shared-bit counts of a first-stage scan into positions on a score table's grid, eight or sixteen rows at
/// a time: the standardised similarity z = (count - e_q * e_r / mean) * (s_q * s_r) of the query (e_q, s_q) and each
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
        var done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            done = GridPositions512(counts, expectations, spreads, query, minimum, stepsPerUnit, positions);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            done = GridPositions256(counts, expectations, spreads, query, minimum, stepsPerUnit, positions);
        }
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

    /// <returns>The rows done: all whole vectors of rows.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int GridPositions256(ReadOnlySpan<int> counts, ReadOnlySpan<float> expectations, ReadOnlySpan<float> spreads,
        QueryNorm query, float minimum, float stepsPerUnit, Span<float> positions)
    {
        var whole = counts.Length - counts.Length % Vector256<float>.Count;
        var queryExpectation = Vector256.Create(query.Expectation);
        var mean = Vector256.Create(query.MeanExpectation);
        var querySpread = Vector256.Create(query.Spread);
        var low = Vector256.Create(minimum);
        var steps = Vector256.Create(stepsPerUnit);
        ref var countStart = ref MemoryMarshal.GetReference(counts);
        ref var expectationStart = ref MemoryMarshal.GetReference(expectations);
        ref var spreadStart = ref MemoryMarshal.GetReference(spreads);
        ref var positionStart = ref MemoryMarshal.GetReference(positions);
        for (var row = 0; row < whole; row += Vector256<float>.Count)
        {
            var count = Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref countStart, (nuint)row));
            var expected = queryExpectation * Vector256.LoadUnsafe(ref expectationStart, (nuint)row) / mean;
            var similarity = (count - expected) * (querySpread * Vector256.LoadUnsafe(ref spreadStart, (nuint)row));
            ((similarity - low) * steps).StoreUnsafe(ref positionStart, (nuint)row);
        }
        return whole;
    }

    /// <returns>The rows done: all whole vectors of rows.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int GridPositions512(ReadOnlySpan<int> counts, ReadOnlySpan<float> expectations, ReadOnlySpan<float> spreads,
        QueryNorm query, float minimum, float stepsPerUnit, Span<float> positions)
    {
        var whole = counts.Length - counts.Length % Vector512<float>.Count;
        var queryExpectation = Vector512.Create(query.Expectation);
        var mean = Vector512.Create(query.MeanExpectation);
        var querySpread = Vector512.Create(query.Spread);
        var low = Vector512.Create(minimum);
        var steps = Vector512.Create(stepsPerUnit);
        ref var countStart = ref MemoryMarshal.GetReference(counts);
        ref var expectationStart = ref MemoryMarshal.GetReference(expectations);
        ref var spreadStart = ref MemoryMarshal.GetReference(spreads);
        ref var positionStart = ref MemoryMarshal.GetReference(positions);
        for (var row = 0; row < whole; row += Vector512<float>.Count)
        {
            var count = Vector512.ConvertToSingle(Vector512.LoadUnsafe(ref countStart, (nuint)row));
            var expected = queryExpectation * Vector512.LoadUnsafe(ref expectationStart, (nuint)row) / mean;
            var similarity = (count - expected) * (querySpread * Vector512.LoadUnsafe(ref spreadStart, (nuint)row));
            ((similarity - low) * steps).StoreUnsafe(ref positionStart, (nuint)row);
        }
        return whole;
    }
}

/// <summary>The query's side of <see cref="StandardisedCounts"/>: its expectation and spread, and the background's mean expectation.</summary>
public readonly record struct QueryNorm(float Expectation, float Spread, float MeanExpectation);
