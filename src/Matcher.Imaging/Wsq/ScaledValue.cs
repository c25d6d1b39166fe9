namespace Matcher.Imaging.Wsq;

/// <summary>
/// WSQ writes real numbers as an integer V and a decimal exponent E meaning V / 10^E: 16-bit V for the frame
/// and quantisation tables, 32-bit V with a sign byte for the filter coefficients.
/// </summary>
internal static class ScaledValue
{
    public static double ToDouble(uint value, byte exponent) => value / Math.Pow(10, exponent);

    /// <summary>
    /// The (V, E) that represents a non-negative <paramref name="value"/> most precisely with V at most
    /// <paramref name="maxValue"/>: the largest exponent whose rounded V still fits.
    /// </summary>
    public static (uint Value, byte Exponent) FromDouble(double value, uint maxValue)
    {
        if (!(value >= 0) || value > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"A WSQ scaled value must lie between 0 and {maxValue}.");
        }
        byte exponent = 0;
        while (exponent < 20 && Math.Round(value * Math.Pow(10, exponent + 1)) <= maxValue)
        {
            exponent++;
        }
        return ((uint)Math.Round(value * Math.Pow(10, exponent)), exponent);
    }
}
