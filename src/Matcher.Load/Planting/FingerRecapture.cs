using Matcher.Fingerprint.Templates;

namespace Matcher.Load.Planting;

/// <summary>
/// Another impression of a synthetic finger, as a station would capture it on another day: the finger lands rotated
/// and shifted on the scanner, the skin stretches unevenly (a smooth displacement field of a few pixels), the
/// extractor places each minutia a little differently, misses some, flips some endings and bifurcations, and finds a
/// few that are not there. The result scores like a real genuine pair rather than an identical copy, so a load test
/// that finds its planted mates also exercises the full matcher's real work.
/// </summary>
public static class FingerRecapture
{
    private const double MaxRotationRadians = 20 * Math.PI / 180;
    private const double MaxShiftPixels = 40;
    private const double MinElasticAmplitude = 4;
    private const double MaxElasticAmplitude = 9;
    private const double MinElasticWavelength = 150;
    private const double MaxElasticWavelength = 300;
    private const double PositionJitterPixels = 3;
    private const double DirectionJitterRadians = 0.2;
    private const double MinDropShare = 0.20;
    private const double MaxDropShare = 0.40;
    private const double TypeFlipShare = 0.15;
    private const double MinSpuriousShare = 0.10;
    private const double MaxSpuriousShare = 0.25;

    public static FingerprintTemplate Of(FingerprintTemplate original, ulong seed)
    {
        var random = SeedMix.Random(seed);
        var rotation = random.Uniform(-MaxRotationRadians, MaxRotationRadians);
        var (shiftX, shiftY) = (random.Uniform(-MaxShiftPixels, MaxShiftPixels), random.Uniform(-MaxShiftPixels, MaxShiftPixels));
        var field = new ElasticField(random);
        var dropShare = random.Uniform(MinDropShare, MaxDropShare);
        var (centreX, centreY) = (original.Width / 2.0, original.Height / 2.0);
        var (cos, sin) = (Math.Cos(rotation), Math.Sin(rotation));

        var minutiae = new List<Minutia>(original.Minutiae.Count + 8);
        foreach (var minutia in original.Minutiae)
        {
            if (random.NextDouble() < dropShare)
            {
                continue;
            }
            var (dx, dy) = field.At(minutia.X, minutia.Y);
            var x = minutia.X + dx - centreX;
            var y = minutia.Y + dy - centreY;
            // Image y grows downwards while directions turn counter-clockwise as seen: a turn by +rotation on screen
            // maps (x, y) to (x cos + y sin, -x sin + y cos).
            var movedX = (x * cos) + (y * sin) + centreX + shiftX + (random.Gaussian() * PositionJitterPixels);
            var movedY = (-x * sin) + (y * cos) + centreY + shiftY + (random.Gaussian() * PositionJitterPixels);
            var direction = minutia.Direction + rotation + (random.Gaussian() * DirectionJitterRadians);
            var type = random.NextDouble() < TypeFlipShare ? Flipped(minutia.Type) : minutia.Type;
            Add(minutiae, original, movedX, movedY, direction, type, minutia.Quality);
        }
        var spurious = (int)Math.Round(original.Minutiae.Count * random.Uniform(MinSpuriousShare, MaxSpuriousShare));
        for (var i = 0; i < spurious; i++)
        {
            Add(minutiae, original, random.Uniform(0, original.Width), random.Uniform(0, original.Height),
                random.Uniform(0, 2 * Math.PI), random.NextDouble() < 0.5 ? MinutiaType.Ending : MinutiaType.Bifurcation, 40);
        }
        return new FingerprintTemplate(original.Width, original.Height, minutiae, original.SampleQuality);
    }

    private static void Add(List<Minutia> minutiae, FingerprintTemplate frame, double x, double y, double direction, MinutiaType type, byte quality)
    {
        var (ix, iy) = ((int)Math.Round(x), (int)Math.Round(y));
        if (ix < 0 || iy < 0 || ix >= frame.Width || iy >= frame.Height)
        {
            return;
        }
        var wrapped = direction % (2 * Math.PI);
        if (wrapped < 0)
        {
            wrapped += 2 * Math.PI;
        }
        minutiae.Add(new Minutia(ix, iy, (float)Math.Min(wrapped, Math.BitDecrement(2 * Math.PI)), type, quality));
    }

    private static MinutiaType Flipped(MinutiaType type) => type switch
    {
        MinutiaType.Ending => MinutiaType.Bifurcation,
        MinutiaType.Bifurcation => MinutiaType.Ending,
        _ => type,
    };

    /// <summary>Skin stretch: two plane waves per axis, smooth over a ridge's neighbourhood, a few pixels at most.</summary>
    private sealed class ElasticField
    {
        private readonly (double Amplitude, double Kx, double Ky, double Phase)[] _x;
        private readonly (double Amplitude, double Kx, double Ky, double Phase)[] _y;

        public ElasticField(Random random)
        {
            _x = [Wave(random), Wave(random)];
            _y = [Wave(random), Wave(random)];
        }

        public (double Dx, double Dy) At(double x, double y) => (Sum(_x, x, y), Sum(_y, x, y));

        private static double Sum((double Amplitude, double Kx, double Ky, double Phase)[] waves, double x, double y)
        {
            var sum = 0.0;
            foreach (var (amplitude, kx, ky, phase) in waves)
            {
                sum += amplitude * Math.Sin((kx * x) + (ky * y) + phase);
            }
            return sum / Math.Sqrt(waves.Length);
        }

        private static (double, double, double, double) Wave(Random random)
        {
            var angle = random.Uniform(0, 2 * Math.PI);
            var k = 2 * Math.PI / random.Uniform(MinElasticWavelength, MaxElasticWavelength);
            return (random.Uniform(MinElasticAmplitude, MaxElasticAmplitude), k * Math.Cos(angle), k * Math.Sin(angle), random.Uniform(0, 2 * Math.PI));
        }
    }
}
