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

    /// <summary>The score at the grid point nearest below <paramref name="value"/>; NaN maps to the lowest score.</summary>
    public float ScoreOf(float value)
    {
        var position = (value - _minimum) * _stepsPerUnit;
        var index = position >= 0 ? (int)Math.Min(position, _scores.Length - 1) : 0;
        return _scores[index];
    }
}
