namespace Matcher.Core.Scoring;

/// <summary>
/// A monotone, piecewise-linear map from a matcher's raw similarity to the calibrated <see cref="MatchScore"/> scale.
/// Fitted from impostor comparisons: for a raw threshold t, FMR(t) is the share of impostor raw scores at or above t.
/// Knots sit at FMR = 10^-k/4 down to the last level the impostor count supports (about 3 / count); above the highest
/// measured knot the map continues along the slope of the last measured decade, which is an extrapolation and is
/// reported as such by <see cref="MeasuredUpToScore"/>.
/// </summary>
public sealed class ScoreCalibration
{
    private readonly double[] _raw;
    private readonly double[] _score;

    public ScoreCalibration(IReadOnlyList<double> rawKnots, IReadOnlyList<double> scoreKnots)
    {
        if (rawKnots.Count != scoreKnots.Count || rawKnots.Count < 2)
        {
            throw new ArgumentException("A calibration needs at least two knots, as many raw values as scores.");
        }
        _raw = rawKnots.ToArray();
        _score = scoreKnots.ToArray();
        for (var i = 1; i < _raw.Length; i++)
        {
            if (!(_raw[i] > _raw[i - 1]) || _score[i] < _score[i - 1])
            {
                throw new ArgumentException("Calibration knots must increase in raw value and not decrease in score.");
            }
        }
    }

    public IReadOnlyList<double> RawKnots => _raw;

    public IReadOnlyList<double> ScoreKnots => _score;

    /// <summary>The highest score backed by measured impostor comparisons; higher scores are extrapolated.</summary>
    public double MeasuredUpToScore => _score[^1];

    /// <summary>Fits the map from impostor raw scores (higher raw = more similar).</summary>
    public static ScoreCalibration FitFromImpostors(IEnumerable<double> impostorRawScores)
    {
        var sorted = impostorRawScores.Where(double.IsFinite).OrderByDescending(s => s).ToArray();
        if (sorted.Length < 10)
        {
            throw new ArgumentException("At least 10 impostor scores are needed to fit a calibration.");
        }
        var raw = new List<double> { sorted[^1] };
        var score = new List<double> { 0 };
        const double stepsPerDecade = 4;
        var minimumRate = 3.0 / sorted.Length;
        for (var k = 1; ; k++)
        {
            var rate = Math.Pow(10, -k / stepsPerDecade);
            if (rate < minimumRate)
            {
                break;
            }
            var index = (int)Math.Floor(rate * sorted.Length) - 1;
            var threshold = index < 0 ? sorted[0] : sorted[index];
            // Ties would give a vertical step: move the knot just above the tied value.
            var knotRaw = Math.BitIncrement(threshold);
            if (knotRaw <= raw[^1])
            {
                continue;
            }
            var measuredRate = sorted.Count(s => s >= knotRaw) / (double)sorted.Length;
            raw.Add(knotRaw);
            score.Add(Math.Max(score[^1], MatchScore.FromFalseMatchRate(Math.Max(measuredRate, 1.0 / sorted.Length))));
        }
        if (raw.Count < 2)
        {
            raw.Add(Math.BitIncrement(sorted[0]));
            score.Add(MatchScore.FromFalseMatchRate(1.0 / sorted.Length));
        }
        return new ScoreCalibration(raw, score);
    }

    public double ToScore(double raw)
    {
        if (double.IsNaN(raw) || raw <= _raw[0])
        {
            return 0;
        }
        var last = _raw.Length - 1;
        if (raw >= _raw[last])
        {
            var lowerIndex = FindLowerKnotForTailSlope();
            var slope = (_score[last] - _score[lowerIndex]) / (_raw[last] - _raw[lowerIndex]);
            return Math.Min(MatchScore.Maximum, _score[last] + slope * (raw - _raw[last]));
        }
        var upper = Array.BinarySearch(_raw, raw);
        if (upper >= 0)
        {
            return _score[upper];
        }
        upper = ~upper;
        var lower = upper - 1;
        var t = (raw - _raw[lower]) / (_raw[upper] - _raw[lower]);
        return _score[lower] + t * (_score[upper] - _score[lower]);
    }

    /// <summary>The knot one decade (10 score points) below the top, so the tail follows the last measured decade.</summary>
    private int FindLowerKnotForTailSlope()
    {
        var last = _raw.Length - 1;
        for (var i = last - 1; i >= 0; i--)
        {
            if (_score[last] - _score[i] >= 10)
            {
                return i;
            }
        }
        return 0;
    }
}
