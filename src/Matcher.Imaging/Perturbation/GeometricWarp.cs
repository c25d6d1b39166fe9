namespace Matcher.Imaging.Perturbation;

/// <summary>
/// Moves the print: each output pixel is sampled (bilinearly) from where the inverse of the motion puts it in the
/// original. The motion is a plastic distortion about the contact core (Cappelli, Maio, Maltoni, "Modelling plastic
/// distortion in fingerprint images", ICAPR 2001: the core stays, a ring around it gives way smoothly, the skin beyond
/// turns and shifts rigidly), then a turn about the print's centre, then a shift. What comes from outside the
/// original is background.
/// </summary>
internal readonly record struct GeometricWarp(
    PrintRegion Region,
    double CoreRadius,
    double TransitionWidth,
    double DistortionRadians,
    double DragX,
    double DragY,
    double RotationRadians,
    double ShiftX,
    double ShiftY)
{
    public GrayImage Apply(GrayImage image)
    {
        var output = new byte[image.Pixels.Length];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (sourceX, sourceY) = Source(x, y);
                output[y * image.Width + x] = Sample(image, sourceX, sourceY, Region.Background);
            }
        }
        return new GrayImage(image.Width, image.Height, output);
    }

    /// <summary>Where output pixel (x, y) comes from in the original.</summary>
    public (double X, double Y) Source(double x, double y)
    {
        // Undo the shift, then the turn about the centre, then the distortion.
        var (cos, sin) = (Math.Cos(-RotationRadians), Math.Sin(-RotationRadians));
        var dx = x - ShiftX - Region.CenterX;
        var dy = y - ShiftY - Region.CenterY;
        var turnedX = Region.CenterX + cos * dx - sin * dy;
        var turnedY = Region.CenterY + sin * dx + cos * dy;
        return Distort(turnedX, turnedY);
    }

    private (double X, double Y) Distort(double x, double y)
    {
        var dx = x - Region.CenterX;
        var dy = y - Region.CenterY;
        var distance = Math.Sqrt(dx * dx + dy * dy);
        var share = Math.Clamp((distance - CoreRadius) / TransitionWidth, 0, 1);
        if (share == 0)
        {
            return (x, y);
        }
        var weight = share * share * (3 - 2 * share);
        var (cos, sin) = (Math.Cos(DistortionRadians), Math.Sin(DistortionRadians));
        var movedX = Region.CenterX + cos * dx - sin * dy + DragX;
        var movedY = Region.CenterY + sin * dx + cos * dy + DragY;
        return (x + weight * (movedX - x), y + weight * (movedY - y));
    }

    private static byte Sample(GrayImage image, double x, double y, byte background)
    {
        if (x < 0 || y < 0 || x > image.Width - 1 || y > image.Height - 1)
        {
            return background;
        }
        var x0 = Math.Min((int)x, image.Width - 1);
        var y0 = Math.Min((int)y, image.Height - 1);
        var x1 = Math.Min(x0 + 1, image.Width - 1);
        var y1 = Math.Min(y0 + 1, image.Height - 1);
        double fx = x - x0, fy = y - y0;
        var top = image[x0, y0] + fx * (image[x1, y0] - image[x0, y0]);
        var bottom = image[x0, y1] + fx * (image[x1, y1] - image[x0, y1]);
        return (byte)Math.Clamp(Math.Round(top + fy * (bottom - top)), 0, 255);
    }
}
