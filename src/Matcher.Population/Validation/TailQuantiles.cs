namespace Matcher.Population.Validation;

/// <summary>
/// The upper tail of an impostor score (or similarity) distribution: quantiles at 50, 90, 99, 99.9 and 99.99 % and
/// the maximum, with the number of pairs the distribution was measured on. A quantile at q rests on
/// (1 - q) x <see cref="Pairs"/> pairs above it; <see cref="PairsAbove"/> says how many, so a reader can see which
/// tail figures are measured and which are a handful of pairs.
/// </summary>
public sealed record TailQuantiles(long Pairs, double Median, double Q90, double Q99, double Q999, double Q9999, double Max)
{
    public static readonly double[] Levels = [0.5, 0.9, 0.99, 0.999, 0.9999];

    /// <summary>The quantiles of <paramref name="values"/> (sorted in place), by the nearest-rank rule.</summary>
    public static TailQuantiles Of(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("No pairs to take quantiles of.", nameof(values));
        }
        Array.Sort(values);
        double At(double level) => values[(int)Math.Ceiling(level * values.Length) - 1];
        return new TailQuantiles(values.Length, At(0.5), At(0.9), At(0.99), At(0.999), At(0.9999), values[^1]);
    }

    /// <summary>The quantiles in <see cref="Levels"/> order, then the maximum.</summary>
    public IReadOnlyList<double> Values => [Median, Q90, Q99, Q999, Q9999, Max];

    /// <summary>How many pairs lie above the quantile at <paramref name="level"/> (the evidence it rests on).</summary>
    public long PairsAbove(double level) => (long)Math.Floor((1 - level) * Pairs);
}
