namespace Matcher.Core.Scoring;

/// <summary>
/// A monotone score map sampled on a fine grid, for first-stage scans that map millions of similarities per search:
/// one multiply, one clamp and one load instead of a knot search. Values outside the grid take its end values.
/// </summary>
public sealed class ScoreTable
{
    private readonly float[] _scores;
    private readonly float _minimum;
    private readonly float _stepsPerUnit;

    public ScoreTable(Func<double, double> map, double minimum, double maximum, int steps)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        if (!(maximum > minimum))
        {
            throw new ArgumentException("A score table needs a range with its maximum above its minimum.", nameof(maximum));
        }
        _minimum = (float)minimum;
        _stepsPerUnit = (float)((steps - 1) / (maximum - minimum));
        _scores = Enumerable.Range(0, steps).Select(i => (float)map(minimum + i / (double)_stepsPerUnit)).ToArray();
    }

    /// <summary>The value the grid starts at.</summary>
    public float Minimum => _minimum;

    /// <summary>Grid points per unit of value.</summary>
    public float StepsPerUnit => _stepsPerUnit;

    /// <summary>The score at the grid point nearest below <paramref name="value"/>; NaN maps to the lowest score.</summary>
    public float ScoreOf(float value) => ScoreAtPosition((value - _minimum) * _stepsPerUnit);

    /// <summary>
    /// <see cref="ScoreOf"/> for a value already placed on the grid as (value - <see cref="Minimum"/>) *
    /// <see cref="StepsPerUnit"/>, so a scan can place many values at once with vector arithmetic.
    /// </summary>
    public float ScoreAtPosition(float position)
    {
        var index = position >= 0 ? (int)Math.Min(position, _scores.Length - 1) : 0;
        return _scores[index];
    }
}
