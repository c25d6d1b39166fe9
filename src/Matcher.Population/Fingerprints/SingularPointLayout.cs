using Matcher.Population.Sampling;

namespace Matcher.Population.Fingerprints;

/// <summary>
/// Where the cores and deltas of a pattern class lie relative to the contact area's centre (cx, cy) with half-sizes
/// (a, b): the core a little above the centre, deltas below and to the side at the distances seen in plain
/// impressions (a loop's core-delta distance is about 10-14 ridges, 100-170 pixels).
/// </summary>
internal static class SingularPointLayout
{
    public static IReadOnlyList<SingularPoint> Place(PatternClass pattern, double cx, double cy, double a, double b, ref SeededRandom random)
    {
        var coreX = cx + random.Gaussian(0, 0.12 * a);
        var coreY = cy - (b * random.Uniform(0.0, 0.3));
        switch (pattern)
        {
            case PatternClass.Arch:
                // A core above a delta, both far below the contact area: what remains in it is a gentle arch.
                var depth = cy + (b * random.Uniform(1.3, 1.8));
                return [new(coreX, depth, IsCore: true), new(coreX, depth + random.Uniform(40, 80), IsCore: false)];
            case PatternClass.TentedArch:
                return [new(coreX, coreY, IsCore: true), new(coreX + random.Gaussian(0, 6), coreY + random.Uniform(50, 90), IsCore: false)];
            case PatternClass.LeftLoop:
            case PatternClass.RightLoop:
                var side = pattern == PatternClass.LeftLoop ? 1 : -1;
                return
                [
                    new(coreX, coreY, IsCore: true),
                    new(coreX + (side * random.Uniform(70, 140)), coreY + random.Uniform(80, 150), IsCore: false),
                ];
            default:
                var spread = random.Uniform(12, 40);
                var tilt = random.Uniform(-0.6, 0.6);
                var deltaY = coreY + random.Uniform(100, 170);
                return
                [
                    new(coreX - (spread * Math.Cos(tilt)), coreY - (spread * Math.Sin(tilt)), IsCore: true),
                    new(coreX + (spread * Math.Cos(tilt)), coreY + (spread * Math.Sin(tilt)), IsCore: true),
                    new(coreX - random.Uniform(110, 170), deltaY + random.Gaussian(0, 15), IsCore: false),
                    new(coreX + random.Uniform(110, 170), deltaY + random.Gaussian(0, 15), IsCore: false),
                ];
        }
    }
}
