using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// The two analysis filters of the transform table (DTT) and the synthesis filters made from them. Both
/// analysis filters are odd-length and whole-sample symmetric, so the table carries only their right halves, centre
/// first. The synthesis filters are the analysis filters modulated by (-1)^n and swapped, which cancels the aliasing of
/// the two-channel bank: g0[n] = (-1)^n h1[n], g1[n] = (-1)^n h0[n].
/// </summary>
internal sealed class WaveletFilters
{
    /// <summary>Whole-sample symmetric filters longer than this cannot be written.</summary>
    public const int MaxLength = 31;

    private WaveletFilters(float[] lowHalf, float[] highHalf)
    {
        LowHalf = lowHalf;
        HighHalf = highHalf;
        AnalysisLow = new FilterTaps(Mirror(lowHalf, modulate: false));
        AnalysisHigh = new FilterTaps(Mirror(highHalf, modulate: false));
        SynthesisLow = new FilterTaps(Mirror(highHalf, modulate: true));
        SynthesisHigh = new FilterTaps(Mirror(lowHalf, modulate: true));
    }

    /// <summary>
    /// The FBI's 9/7 biorthogonal pair (Part 3, encoder number one), rounded to the precision the table carries so
    /// that the encoder filters with exactly what a decoder reads back.
    /// </summary>
    public static WaveletFilters Standard { get; } = FromHalves(
        [0.852698679009, 0.377402855613, -0.110624404418, -0.023849465020, 0.037828455507],
        [0.788485616406, -0.418092273222, -0.040689417609, 0.064538882629]);

    public float[] LowHalf { get; }

    public float[] HighHalf { get; }

    public FilterTaps AnalysisLow { get; }

    public FilterTaps AnalysisHigh { get; }

    public FilterTaps SynthesisLow { get; }

    public FilterTaps SynthesisHigh { get; }

    public static WaveletFilters Read(ReadOnlySpan<byte> body)
    {
        var reader = new WsqReader(body, "the DTT segment");
        var lowLength = reader.Byte();
        var highLength = reader.Byte();
        CheckLength(lowLength, "lowpass");
        CheckLength(highLength, "highpass");
        var low = ReadHalf(ref reader, (lowLength + 1) / 2);
        var high = ReadHalf(ref reader, (highLength + 1) / 2);
        reader.ExpectEnd();
        return new WaveletFilters(low, high);
    }

    public void Write(WsqWriter writer)
    {
        writer.Marker(WsqMarker.TransformTable);
        var lengthAt = writer.Length;
        writer.UInt16(0);
        writer.Byte((byte)(2 * LowHalf.Length - 1));
        writer.Byte((byte)(2 * HighHalf.Length - 1));
        foreach (var half in new[] { LowHalf, HighHalf })
        {
            foreach (var coefficient in half)
            {
                var (value, exponent) = CoefficientScale(coefficient);
                writer.Byte(coefficient < 0 ? (byte)1 : (byte)0);
                writer.Byte(exponent);
                writer.UInt32(value);
            }
        }
        writer.PatchLength(lengthAt);
    }

    private static WaveletFilters FromHalves(double[] low, double[] high) =>
        new(low.Select(RoundTrip).ToArray(), high.Select(RoundTrip).ToArray());

    private static float RoundTrip(double coefficient)
    {
        var (value, exponent) = CoefficientScale((float)coefficient);
        return (float)(Math.Sign(coefficient) * ScaledValue.ToDouble(value, exponent));
    }

    private static (uint Value, byte Exponent) CoefficientScale(float coefficient) =>
        ScaledValue.FromDouble(Math.Abs((double)coefficient), uint.MaxValue);

    private static void CheckLength(byte length, string which)
    {
        if (length == 0 || length > MaxLength + 1)
        {
            throw ImageErrors.Corrupt(WsqReader.Format, $"the transform table's {which} filter has {length} taps; it must have 1 to {MaxLength + 1}");
        }
        if (length % 2 == 0)
        {
            throw ImageErrors.Unsupported(
                $"the WSQ transform table uses even-length (half-sample symmetric) filters of {length} taps; only odd-length filters such as the FBI's 9/7 pair are supported");
        }
    }

    private static float[] ReadHalf(ref WsqReader reader, int count)
    {
        var half = new float[count];
        for (var i = 0; i < count; i++)
        {
            var negative = reader.Byte() != 0;
            var exponent = reader.Byte();
            var magnitude = (float)ScaledValue.ToDouble(reader.UInt32(), exponent);
            half[i] = negative ? -magnitude : magnitude;
        }
        return half;
    }

    /// <summary>The full filter from its right half; modulated, tap n is multiplied by (-1)^n.</summary>
    private static float[] Mirror(float[] half, bool modulate)
    {
        var reach = half.Length - 1;
        var taps = new float[2 * reach + 1];
        for (var n = -reach; n <= reach; n++)
        {
            var value = half[Math.Abs(n)];
            taps[n + reach] = modulate && (n & 1) != 0 ? -value : value;
        }
        return taps;
    }
}

/// <summary>A centred odd-length filter: tap n, for n from -<see cref="Reach"/> to <see cref="Reach"/>, at index n + Reach.</summary>
internal sealed class FilterTaps(float[] taps)
{
    public float[] Taps { get; } = taps;

    public int Reach => Taps.Length / 2;

    public float this[int n] => Taps[n + Reach];
}
