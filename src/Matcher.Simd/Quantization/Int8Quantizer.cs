namespace Matcher.Simd.Quantization;

/// <summary>
/// Symmetric per-vector int8 quantisation: value ~= code * scale with codes in [-127, 127]. The range stays symmetric
/// (no -128) so negating a code never overflows and the scale maps the largest magnitude exactly.
/// </summary>
public static class Int8Quantizer
{
    public const int MaxCode = 127;

    /// <summary>Writes the int8 codes of <paramref name="vector"/> and returns the scale that maps codes back to values.</summary>
    /// <returns>The scale; zero for an all-zero vector (whose codes are then all zero).</returns>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        if (codes.Length != vector.Length)
        {
            throw new ArgumentException($"Code buffer length {codes.Length} differs from vector length {vector.Length}.", nameof(codes));
        }

        var largest = 0f;
        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("The vector contains NaN or infinity and cannot be quantised.", nameof(vector));
            }
            largest = MathF.Max(largest, MathF.Abs(value));
        }

        if (largest == 0f)
        {
            codes.Clear();
            return 0f;
        }

        var scale = largest / MaxCode;
        var inverse = MaxCode / largest;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * inverse), -MaxCode, MaxCode);
        }
        return scale;
    }
}
