using Matcher.Fingerprint.Templates;
using Matcher.Population.Sampling;

namespace Matcher.Population.Fingerprints;

/// <summary>
/// Draws the minutiae template of one finger: pattern class by the finger's frequencies, singular points of that
/// class, the zero-pole orientation field around them, a contact ellipse of the finger's size, minutiae spaced at
/// least a ridge period apart, their directions along the ridge flow, and qualities. Everything comes from one seed.
/// </summary>
internal static class FingerprintSynthesizer
{
    public static SyntheticFinger Synthesize(int position, ulong seed)
    {
        var random = new SeededRandom(seed);
        var profile = FingerProfile.For(position);
        var pattern = DrawPattern(profile, ref random);
        var area = DrawContactArea(profile, ref random);
        var width = (int)Math.Ceiling((2 * area.HalfWidth) + (2 * SynthesisParameters.FrameMarginPixels));
        var height = (int)Math.Ceiling((2 * area.HalfHeight) + (2 * SynthesisParameters.FrameMarginPixels));
        area = area with { CenterX = width / 2.0 + random.Gaussian(0, 4), CenterY = height / 2.0 + random.Gaussian(0, 4) };

        var orientation = DrawOrientation(pattern, area, ref random);
        var directions = new MinutiaDirections(orientation, ref random);
        var quality = (byte)Math.Clamp(Math.Round(random.Gaussian(SynthesisParameters.MeanSampleQuality, SynthesisParameters.SampleQualityDeviation)), 20, 100);
        var ridgePeriod = Math.Max(7.5, random.Gaussian(SynthesisParameters.MeanRidgePeriod, SynthesisParameters.RidgePeriodDeviation));

        var locations = MinutiaPlacement.Place(area, DrawMinutiaCount(profile, area, quality, ref random),
            SynthesisParameters.MinimumSpacingInPeriods * ridgePeriod, ref random);
        var minutiae = new List<Minutia>(locations.Count);
        foreach (var (x, y) in locations)
        {
            var isBifurcation = !random.Chance(SynthesisParameters.EndingShare);
            var direction = directions.DirectionOf(x, y, isBifurcation, ref random);
            var minutiaQuality = (byte)Math.Clamp(Math.Round(random.Gaussian(quality, 10)), 10, 100);
            minutiae.Add(new Minutia(
                Math.Clamp((int)Math.Round(x), 0, width - 1), Math.Clamp((int)Math.Round(y), 0, height - 1),
                (float)direction, isBifurcation ? MinutiaType.Bifurcation : MinutiaType.Ending, minutiaQuality));
        }
        return new SyntheticFinger(position, pattern, new FingerprintTemplate(width, height, minutiae, quality));
    }

    private static PatternClass DrawPattern(FingerProfile profile, ref SeededRandom random)
    {
        var draw = random.NextDouble() * profile.PatternWeights.Sum();
        for (var i = 0; i < profile.PatternWeights.Length; i++)
        {
            draw -= profile.PatternWeights[i];
            if (draw < 0)
            {
                return (PatternClass)i;
            }
        }
        return PatternClass.Whorl;
    }

    private static ContactArea DrawContactArea(FingerProfile profile, ref SeededRandom random)
    {
        var scale = Math.Clamp(random.Gaussian(1, SynthesisParameters.ContactSizeDeviation), 0.75, 1.25);
        var aspect = Math.Clamp(random.Gaussian(1, 0.05), 0.9, 1.1);
        return new ContactArea(0, 0, profile.ContactWidth * scale * aspect / 2, profile.ContactHeight * scale / aspect / 2);
    }

    /// <summary>Minutiae grow with the contact area and fall with poor quality (blurred ridges hide minutiae).</summary>
    private static int DrawMinutiaCount(FingerProfile profile, ContactArea area, byte quality, ref SeededRandom random)
    {
        var meanArea = Math.PI * profile.ContactWidth * profile.ContactHeight / 4;
        var qualityFactor = 0.75 + (0.25 * quality / 100.0);
        var mean = profile.MeanMinutiae * (area.Area / meanArea) * qualityFactor / (0.75 + (0.25 * SynthesisParameters.MeanSampleQuality / 100.0));
        var count = mean * Math.Exp(random.Gaussian(0, SynthesisParameters.MinutiaeCountDeviation));
        return Math.Clamp((int)Math.Round(count), SynthesisParameters.MinimumMinutiae, SynthesisParameters.MaximumMinutiae);
    }

    private static OrientationModel DrawOrientation(PatternClass pattern, ContactArea area, ref SeededRandom random)
    {
        var points = SingularPointLayout.Place(pattern, area.CenterX, area.CenterY, area.HalfWidth, area.HalfHeight, ref random);
        var rotation = random.Gaussian(0, SynthesisParameters.PlacementRotationDeviation);
        var rotated = points.Select(p => Rotate(p, area, rotation)).ToList();
        var wobbles = new OrientationModel.Wobble[SynthesisParameters.WobbleCount];
        for (var i = 0; i < wobbles.Length; i++)
        {
            var heading = random.Uniform(0, 2 * Math.PI);
            var waveNumber = 2 * Math.PI / random.Uniform(SynthesisParameters.WobbleWavelengthMin, SynthesisParameters.WobbleWavelengthMax);
            wobbles[i] = new OrientationModel.Wobble(SynthesisParameters.WobbleAmplitude * random.NextDouble(),
                waveNumber * Math.Cos(heading), waveNumber * Math.Sin(heading), random.Uniform(0, 2 * Math.PI));
        }
        return new OrientationModel(rotated, rotation, wobbles);
    }

    /// <summary>The finger's placement turns its singular points about the contact centre along with its ridges.</summary>
    private static SingularPoint Rotate(SingularPoint point, ContactArea area, double angle)
    {
        var dx = point.X - area.CenterX;
        var dy = -(point.Y - area.CenterY);
        var x = (dx * Math.Cos(angle)) - (dy * Math.Sin(angle));
        var y = (dx * Math.Sin(angle)) + (dy * Math.Cos(angle));
        return point with { X = area.CenterX + x, Y = area.CenterY - y };
    }
}
