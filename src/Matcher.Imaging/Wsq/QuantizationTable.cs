namespace Matcher.Imaging.Wsq;

/// <summary>
/// The quantisation table (DQT): a bin centre C shared by all subbands and, per subband, the bin width Q and the
/// zero-bin width Z. A subband whose Q is 0 is not transmitted and reconstructs as zeros.
/// </summary>
internal sealed class QuantizationTable
{
    public const int SubbandSlots = 64;

    private const int BodyLength = 3 + SubbandSlots * 6;

    public QuantizationTable(double binCenter, double[] binWidths, double[] zeroBinWidths)
    {
        if (binWidths.Length != SubbandSlots || zeroBinWidths.Length != SubbandSlots)
        {
            throw new ArgumentException($"A quantisation table has {SubbandSlots} subbands.");
        }
        BinCenter = binCenter;
        BinWidths = binWidths;
        ZeroBinWidths = zeroBinWidths;
    }

    public double BinCenter { get; }

    /// <summary>Q per subband; 0 when the subband is not transmitted.</summary>
    public double[] BinWidths { get; }

    /// <summary>Z per subband.</summary>
    public double[] ZeroBinWidths { get; }

    public bool IsTransmitted(int subband) => BinWidths[subband] != 0;

    public static QuantizationTable Read(ReadOnlySpan<byte> body)
    {
        var reader = new WsqReader(body, "the DQT segment");
        var center = reader.Scaled16();
        var widths = new double[SubbandSlots];
        var zeroWidths = new double[SubbandSlots];
        for (var i = 0; i < SubbandSlots; i++)
        {
            widths[i] = reader.Scaled16();
            zeroWidths[i] = reader.Scaled16();
        }
        reader.ExpectEnd();
        return new QuantizationTable(center, widths, zeroWidths);
    }

    public void Write(WsqWriter writer)
    {
        writer.Marker(WsqMarker.QuantizationTable);
        writer.UInt16(BodyLength + 2);
        writer.Scaled16(BinCenter);
        for (var i = 0; i < SubbandSlots; i++)
        {
            writer.Scaled16(BinWidths[i]);
            writer.Scaled16(ZeroBinWidths[i]);
        }
    }

    /// <summary>
    /// The reconstruction of quantiser index <paramref name="index"/> in a subband (A.3):
    /// Q (p - C) + Z/2 above zero, Q (p + C) - Z/2 below, 0 at 0.
    /// </summary>
    public float Dequantize(int index, int subband)
    {
        var q = BinWidths[subband];
        var halfZero = ZeroBinWidths[subband] / 2;
        return index switch
        {
            > 0 => (float)(q * (index - BinCenter) + halfZero),
            < 0 => (float)(q * (index + BinCenter) - halfZero),
            _ => 0f,
        };
    }

    /// <summary>
    /// The quantiser of the encoder (Part 3): a dead zone of width Z around 0, then bins of width Q.
    /// Indices are limited to what the 16-bit escape codes carry.
    /// </summary>
    public int Quantize(float value, int subband)
    {
        var q = BinWidths[subband];
        var halfZero = ZeroBinWidths[subband] / 2;
        double index = value > halfZero
            ? Math.Floor((value - halfZero) / q) + 1
            : value < -halfZero ? Math.Ceiling((value + halfZero) / q) - 1 : 0;
        return (int)Math.Clamp(index, -ushort.MaxValue, ushort.MaxValue);
    }
}
