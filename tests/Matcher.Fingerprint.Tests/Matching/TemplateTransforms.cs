using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>Rigid moves and seeded distortions of templates, for invariance and robustness tests.</summary>
internal static class TemplateTransforms
{
    /// <summary>Rotates by <paramref name="degrees"/> counter-clockwise (as seen on the image) about the frame centre, then shifts.</summary>
    public static FingerprintTemplate Rotate(FingerprintTemplate template, double degrees, int shiftX, int shiftY)
    {
        var radians = degrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(radians);
        var centreX = template.Width / 2.0;
        var centreY = template.Height / 2.0;
        var moved = template.Minutiae.Select(m =>
        {
            // Image y grows downwards, so a counter-clockwise turn on screen is a clockwise one in (x, y) maths.
            var x = m.X - centreX;
            var y = centreY - m.Y;
            var rotatedX = cos * x - sin * y;
            var rotatedY = sin * x + cos * y;
            var direction = (m.Direction + radians) % (2 * Math.PI);
            return m with
            {
                X = (int)Math.Round(centreX + rotatedX + shiftX),
                Y = (int)Math.Round(centreY - rotatedY + shiftY),
                Direction = (float)(direction < 0 ? direction + 2 * Math.PI : direction),
            };
        }).ToList();
        return new FingerprintTemplate(template.Width + Math.Abs(shiftX) * 2, template.Height + Math.Abs(shiftY) * 2, moved, template.SampleQuality);
    }

    /// <summary>Moves every minutia by up to <paramref name="pixels"/> and turns it by up to <paramref name="degrees"/>, seeded.</summary>
    public static FingerprintTemplate Jitter(FingerprintTemplate template, Random random, int pixels, double degrees) =>
        new(template.Width, template.Height, template.Minutiae.Select(m => m with
        {
            X = m.X + random.Next(-pixels, pixels + 1),
            Y = m.Y + random.Next(-pixels, pixels + 1),
            Direction = (float)((m.Direction + (random.NextDouble() * 2 - 1) * degrees * Math.PI / 180 + 2 * Math.PI) % (2 * Math.PI)),
        }).ToList(), template.SampleQuality);
}
