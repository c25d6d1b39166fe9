namespace Matcher.Simd.Quantization;

/// <summary>fp32 -> fp16 copies kept beside the int8 codes so a short list can be rescored almost exactly.</summary>
public static class HalfConverter
{
    public static void ToHalf(ReadOnlySpan<float> vector, Span<Half> destination)
    {
        if (destination.Length != vector.Length)
        {
            throw new ArgumentException($"Destination length {destination.Length} differs from vector length {vector.Length}.", nameof(destination));
        }
        for (var i = 0; i < vector.Length; i++)
        {
            destination[i] = (Half)vector[i];
        }
    }
}
