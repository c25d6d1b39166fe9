using Matcher.Simd.Quantization;

namespace Matcher.Simd.Scan;

/// <summary>
/// A query quantised once and padded to a block's stride. The int16 copy lets the multi-query scan widen each
/// gallery chunk once and reuse it for several queries.
/// </summary>
public sealed class QuantizedQuery
{
    private QuantizedQuery(sbyte[] codes, short[] widenedCodes, float scale)
    {
        Codes = codes;
        WidenedCodes = widenedCodes;
        Scale = scale;
    }

    public float Scale { get; }

    /// <summary>Padded length: the stride of the block the query was prepared for.</summary>
    public int Stride => Codes.Length;

    internal sbyte[] Codes { get; }

    internal short[] WidenedCodes { get; }

    internal static QuantizedQuery Create(ReadOnlySpan<float> vector, int stride)
    {
        var codes = new sbyte[stride];
        var scale = Int8Quantizer.Quantize(vector, codes.AsSpan(0, vector.Length));
        var widened = new short[stride];
        for (var i = 0; i < stride; i++)
        {
            widened[i] = codes[i];
        }
        return new QuantizedQuery(codes, widened, scale);
    }
}
