namespace Matcher.Population.Fingerprints;

/// <summary>
/// The ridge orientation field of the zero-pole model (Sherlock and Monro 1993): around every core the orientation
/// turns by half a turn, around every delta by minus half a turn, so that
/// theta(z) = theta0 + 1/2 (sum of arg(z - core) - sum of arg(z - delta)), far from the singular points the ridges run
/// across the finger (rotated by theta0, the finger's placement). A smooth low-frequency wobble makes two fingers of
/// one class differ beyond where their singular points lie. Angles follow the template convention: radians,
/// counter-clockwise from +x as seen on the image (whose y grows downwards); orientation is defined modulo pi.
/// </summary>
internal sealed class OrientationModel
{
    private readonly SingularPoint[] _points;
    private readonly double _rotation;
    private readonly Wobble[] _wobbles;

    public OrientationModel(IReadOnlyList<SingularPoint> points, double rotation, IReadOnlyList<Wobble> wobbles)
    {
        _points = [.. points];
        _rotation = rotation;
        _wobbles = [.. wobbles];
    }

    public IReadOnlyList<SingularPoint> SingularPoints => _points;

    /// <summary>The ridge orientation at image point (x, y), in [0, pi).</summary>
    public double RidgeOrientation(double x, double y)
    {
        var angle = _rotation;
        foreach (var point in _points)
        {
            // Image y grows downwards; the angle convention counts counter-clockwise as seen, so flip y.
            var turn = Math.Atan2(-(y - point.Y), x - point.X);
            angle += point.IsCore ? turn / 2 : -turn / 2;
        }
        foreach (var wobble in _wobbles)
        {
            angle += wobble.At(x, y);
        }
        angle %= Math.PI;
        return angle < 0 ? angle + Math.PI : angle;
    }

    /// <summary>One plane wave added to the orientation: amplitude in radians, wave numbers in radians per pixel.</summary>
    internal readonly record struct Wobble(double Amplitude, double WaveX, double WaveY, double Phase)
    {
        public double At(double x, double y) => Amplitude * Math.Sin((WaveX * x) + (WaveY * y) + Phase);
    }
}
