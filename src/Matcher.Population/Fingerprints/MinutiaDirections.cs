using Matcher.Population.Sampling;

namespace Matcher.Population.Fingerprints;

/// <summary>
/// A minutia's direction: the ridge orientation where it lies, with the half-turn ambiguity resolved the same way for
/// neighbours. The orientation is first given a sense pointing away from the nearest core (continuous everywhere but
/// on the line through the core), then a smooth random field splits the finger into regions whose endings point along
/// that sense or against it; bifurcations point opposite to the endings of their region, because the ridge an ending
/// drops where ridges crowd is the ridge a bifurcation adds where they spread.
/// </summary>
internal sealed class MinutiaDirections
{
    private readonly OrientationModel _orientation;
    private readonly SingularPoint[] _cores;
    private readonly (double WaveX, double WaveY, double Phase)[] _senseWaves;

    public MinutiaDirections(OrientationModel orientation, ref SeededRandom random)
    {
        _orientation = orientation;
        _cores = [.. orientation.SingularPoints.Where(p => p.IsCore)];
        _senseWaves = new (double, double, double)[2];
        for (var i = 0; i < _senseWaves.Length; i++)
        {
            var heading = random.Uniform(0, Math.PI);
            var waveNumber = 2 * Math.PI / SynthesisParameters.SenseRegionWavelength;
            _senseWaves[i] = (waveNumber * Math.Cos(heading), waveNumber * Math.Sin(heading), random.Uniform(0, 2 * Math.PI));
        }
    }

    public double DirectionOf(double x, double y, bool isBifurcation, ref SeededRandom random)
    {
        var direction = _orientation.RidgeOrientation(x, y);
        var core = NearestCore(x, y);
        var awayX = x - core.X;
        var awayY = -(y - core.Y);
        if ((Math.Cos(direction) * awayX) + (Math.Sin(direction) * awayY) < 0)
        {
            direction += Math.PI;
        }
        var alongSense = random.Chance(SynthesisParameters.SenseCoherence) ? RegionSense(x, y) : random.Chance(0.5);
        if (alongSense == isBifurcation)
        {
            direction += Math.PI;
        }
        direction += random.Gaussian(0, SynthesisParameters.DirectionNoise);
        direction %= 2 * Math.PI;
        return direction < 0 ? direction + (2 * Math.PI) : direction;
    }

    private bool RegionSense(double x, double y)
    {
        var field = 0.0;
        foreach (var (waveX, waveY, phase) in _senseWaves)
        {
            field += Math.Cos((waveX * x) + (waveY * y) + phase);
        }
        return field >= 0;
    }

    private SingularPoint NearestCore(double x, double y)
    {
        var nearest = _cores[0];
        var best = double.MaxValue;
        foreach (var core in _cores)
        {
            var distance = ((core.X - x) * (core.X - x)) + ((core.Y - y) * (core.Y - y));
            if (distance < best)
            {
                best = distance;
                nearest = core;
            }
        }
        return nearest;
    }
}
