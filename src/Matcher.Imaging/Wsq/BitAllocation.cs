namespace Matcher.Imaging.Wsq;

/// <summary>
/// The encoder's choice of bin widths (Part 3, encoder number one): relative to one overall step 1/q, subbands 0-3 get
/// width 1/q and every other subband k gets 10 / (A_k q ln sigma_k^2), sigma_k^2 being its variance over a central
/// window; subbands whose variance is below 1.01 are not transmitted. Zero bins are 1.2 bins wide and the bin centre is
/// 0.44. The overall q is then chosen for the wanted bit rate (see <see cref="WsqEncoder"/>).
/// </summary>
internal sealed class BitAllocation
{
    public const double BinCenter = 0.44;
    public const double ZeroBinRatio = 1.2;
    public const double MinimumVariance = 1.01;

    private readonly double[] _relativeWidths;

    private BitAllocation(double[] relativeWidths, double finestStep)
    {
        _relativeWidths = relativeWidths;
        FinestStep = finestStep;
    }

    /// <summary>The smallest q whose zero bins (the widest entries) a 16-bit table value still holds.</summary>
    public double CoarsestStep => ZeroBinRatio * _relativeWidths.Max() / ushort.MaxValue * 1.001;

    /// <summary>The largest q at which no index outgrows the 16-bit escape codes (beyond it, indices would clip).</summary>
    public double FinestStep { get; }

    public static BitAllocation From(float[] plane, int stride, SubbandTree tree)
    {
        var relative = new double[QuantizationTable.SubbandSlots];
        var finest = double.MaxValue;
        for (var k = 0; k < SubbandTree.TransmittedSubbands; k++)
        {
            var band = tree.Subbands[k];
            if (band.Area == 0)
            {
                continue;
            }
            if (k < 4)
            {
                relative[k] = 1;
            }
            else
            {
                var variance = Variance(plane, stride, band);
                relative[k] = variance < MinimumVariance ? 0 : 10 / (Weight(k) * Math.Log(variance));
            }
            var largest = LargestMagnitude(plane, stride, band);
            if (relative[k] > 0 && largest > 0)
            {
                finest = Math.Min(finest, (ushort.MaxValue - 1) * relative[k] / largest);
            }
        }
        return new BitAllocation(relative, finest == double.MaxValue ? 1 : finest);
    }

    /// <summary>The table for overall step q, every value rounded as the file will carry it.</summary>
    public QuantizationTable Table(double q)
    {
        var widths = new double[QuantizationTable.SubbandSlots];
        var zeroWidths = new double[QuantizationTable.SubbandSlots];
        for (var k = 0; k < widths.Length; k++)
        {
            if (_relativeWidths[k] > 0)
            {
                widths[k] = AsWritten(_relativeWidths[k] / q);
                zeroWidths[k] = AsWritten(ZeroBinRatio * widths[k]);
            }
        }
        return new QuantizationTable(BinCenter, widths, zeroWidths);
    }

    private static double AsWritten(double value)
    {
        var (scaled, exponent) = ScaledValue.FromDouble(value, ushort.MaxValue);
        return ScaledValue.ToDouble(scaled, exponent);
    }

    private static double LargestMagnitude(float[] plane, int stride, Band band)
    {
        double largest = 0;
        for (var y = band.Y; y < band.Y + band.Height; y++)
        {
            foreach (var value in plane.AsSpan(y * stride + band.X, band.Width))
            {
                largest = Math.Max(largest, Math.Abs(value));
            }
        }
        return largest;
    }

    /// <summary>The weights A_k of the first level's detail subbands; 1 elsewhere.</summary>
    private static double Weight(int subband) => subband switch
    {
        52 or 56 => 1.32,
        53 or 58 => 1.08,
        54 or 57 => 1.42,
        55 or 59 => 1.08,
        _ => 1,
    };

    /// <summary>
    /// The unbiased variance over the window the encoder uses to avoid the subband's edges: from 1/8 of the width and
    /// 9/32 of the height, 3/4 of the width and 7/16 of the height. Bands too small for a window use all their samples.
    /// </summary>
    private static double Variance(float[] plane, int stride, Band band)
    {
        var window = new Band(band.X + band.Width / 8, band.Y + 9 * band.Height / 32, 3 * band.Width / 4, 7 * band.Height / 16);
        if (window.Area < 2)
        {
            window = band;
        }
        if (window.Area < 2)
        {
            return 0;
        }
        double sum = 0, squares = 0;
        for (var y = window.Y; y < window.Y + window.Height; y++)
        {
            for (var x = window.X; x < window.X + window.Width; x++)
            {
                double value = plane[y * stride + x];
                sum += value;
                squares += value * value;
            }
        }
        return (squares - sum * sum / window.Area) / (window.Area - 1);
    }
}
