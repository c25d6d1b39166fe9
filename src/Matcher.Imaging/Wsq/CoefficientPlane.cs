namespace Matcher.Imaging.Wsq;

/// <summary>
/// Places the decoded quantiser indices of the transmitted subbands, in order and row by row within each subband, as
/// dequantised values in the coefficient plane. The plane starts at zero, so runs of zeros only move the position.
/// </summary>
internal sealed class CoefficientPlane
{
    private readonly float[] _plane;
    private readonly int _stride;
    private readonly QuantizationTable _quantization;
    private readonly int[] _subbands;
    private readonly Band[] _bands;
    private int _current;
    private int _column;
    private int _row;

    /// <param name="bands">The 64 subband slots of the <see cref="SubbandTree"/>.</param>
    public CoefficientPlane(float[] plane, int stride, Band[] bands, QuantizationTable quantization)
    {
        _plane = plane;
        _stride = stride;
        _quantization = quantization;
        _subbands = Enumerable.Range(0, SubbandTree.TransmittedSubbands)
            .Where(s => quantization.IsTransmitted(s) && bands[s].Area > 0)
            .ToArray();
        _bands = bands;
        Capacity = _subbands.Sum(s => (long)bands[s].Area);
    }

    /// <summary>How many coefficients the transmitted subbands hold.</summary>
    public long Capacity { get; }

    public long Count { get; private set; }

    public long Free => Capacity - Count;

    public void Store(int index)
    {
        var subband = _subbands[_current];
        var band = _bands[subband];
        _plane[(band.Y + _row) * _stride + band.X + _column] = _quantization.Dequantize(index, subband);
        Count++;
        if (++_column == band.Width)
        {
            _column = 0;
            if (++_row == band.Height)
            {
                _row = 0;
                _current++;
            }
        }
    }

    public void SkipZeros(long count) => Advance(count);

    private void Advance(long count)
    {
        Count += count;
        while (count > 0 && _current < _subbands.Length)
        {
            var band = _bands[_subbands[_current]];
            var leftInBand = (long)(band.Height - _row) * band.Width - _column;
            if (count < leftInBand)
            {
                var position = (long)_row * band.Width + _column + count;
                _row = (int)(position / band.Width);
                _column = (int)(position % band.Width);
                return;
            }
            count -= leftInBand;
            _current++;
            _row = 0;
            _column = 0;
        }
    }
}
