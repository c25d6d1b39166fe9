using System.Runtime.Intrinsics;

namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// The inner loop of the oriented filters: a run of neighbouring pixels that share one orientation also share the tap
/// offsets, so each tap is one contiguous vector load, multiply and add across the run.
/// </summary>
internal static class OrientedRowFilter
{
    /// <summary>
    /// target[i] = sum over k of source[start + i + offsets[k]] * weights[k]. The caller guarantees every index is
    /// inside <paramref name="source"/>.
    /// </summary>
    public static void Apply(ReadOnlySpan<float> source, int start, ReadOnlySpan<int> offsets, ReadOnlySpan<float> weights, Span<float> target)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<float>.Count <= target.Length; i += Vector256<float>.Count)
            {
                var sum = Vector256<float>.Zero;
                for (var k = 0; k < offsets.Length; k++)
                {
                    sum += Vector256.Create(source.Slice(start + i + offsets[k], Vector256<float>.Count)) * weights[k];
                }
                sum.CopyTo(target[i..]);
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<float>.Count <= target.Length; i += Vector128<float>.Count)
            {
                var sum = Vector128<float>.Zero;
                for (var k = 0; k < offsets.Length; k++)
                {
                    sum += Vector128.Create(source.Slice(start + i + offsets[k], Vector128<float>.Count)) * weights[k];
                }
                sum.CopyTo(target[i..]);
            }
        }
        ApplyScalar(source, start + i, offsets, weights, target[i..]);
    }

    /// <summary>The plain reference the vector paths must agree with.</summary>
    public static void ApplyScalar(ReadOnlySpan<float> source, int start, ReadOnlySpan<int> offsets, ReadOnlySpan<float> weights, Span<float> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            float sum = 0;
            for (var k = 0; k < offsets.Length; k++)
            {
                sum += source[start + i + offsets[k]] * weights[k];
            }
            target[i] = sum;
        }
    }
}
