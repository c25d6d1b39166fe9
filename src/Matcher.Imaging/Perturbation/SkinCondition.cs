namespace Matcher.Imaging.Perturbation;

/// <summary>
/// Dry, wet and pressed skin as grey-level changes of the print: ridges are the dark lines, so the darkest pixel of a
/// small neighbourhood widens them (wet, heavy pressure) and the brightest narrows them (dry, light touch); the smooth
/// field decides where a dry print breaks or a wet one smudges.
/// </summary>
internal static class SkinCondition
{
    public static GrayImage Dry(GrayImage image, PrintRegion region, int radius, SmoothField field)
    {
        var thin = Neighbourhood(image, radius, Math.Max);
        var breakFrom = 1 - PerturbationParameters.DryBreakShare;
        return Map(thin, (x, y, value) =>
        {
            var broken = SmoothField.Step(field.At(x, y), breakFrom - 0.1, 0.2);
            var keep = PerturbationParameters.DryContrast * (1 - 0.8 * broken);
            return region.Background - keep * (region.Background - value);
        });
    }

    public static GrayImage Wet(GrayImage image, PrintRegion region, int radius, SmoothField field)
    {
        var thick = Neighbourhood(image, radius, Math.Min);
        var smudged = Neighbourhood(Neighbourhood(thick, radius, Math.Min), radius, Math.Min);
        var smudgeFrom = 1 - PerturbationParameters.WetSmudgeShare;
        return Map(thick, (x, y, value) =>
        {
            var smudge = SmoothField.Step(field.At(x, y), smudgeFrom - 0.1, 0.2);
            // Filled-in valleys, never darker than the ridges around them, so blank skin and background stay blank.
            var wet = value + smudge * (smudged[x, y] - value);
            return region.Background - 1.1 * (region.Background - wet);
        });
    }

    /// <summary>A light touch: contact only out to <paramref name="contactRadius"/> from the centre, thinner and fainter ridges.</summary>
    public static GrayImage LightTouch(GrayImage image, PrintRegion region, int radius, double contactRadius)
    {
        var thin = Neighbourhood(image, radius, Math.Max);
        var fade = 0.2 * region.Radius;
        return Map(thin, (x, y, value) =>
        {
            var distance = Math.Sqrt((x - region.CenterX) * (x - region.CenterX) + (y - region.CenterY) * (y - region.CenterY));
            var contact = 1 - SmoothField.Step(distance, contactRadius, fade);
            return region.Background - 0.85 * contact * (region.Background - value);
        });
    }

    /// <summary>A heavy touch: broad ridges, narrow valleys, more contrast.</summary>
    public static GrayImage HeavyTouch(GrayImage image, PrintRegion region, int radius)
    {
        var thick = Neighbourhood(image, radius, Math.Min);
        return Map(thick, (_, _, value) => region.Background - 1.15 * (region.Background - value));
    }

    /// <summary>Each pixel replaced by the extreme (min or max) of the square of side 2 x radius + 1 around it.</summary>
    private static GrayImage Neighbourhood(GrayImage image, int radius, Func<int, int, int> pick)
    {
        var width = image.Width;
        var height = image.Height;
        var rows = new byte[image.Pixels.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                int value = image.Pixels[y * width + x];
                for (var dx = Math.Max(0, x - radius); dx <= Math.Min(width - 1, x + radius); dx++)
                {
                    value = pick(value, image.Pixels[y * width + dx]);
                }
                rows[y * width + x] = (byte)value;
            }
        }
        var output = new byte[rows.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                int value = rows[y * width + x];
                for (var dy = Math.Max(0, y - radius); dy <= Math.Min(height - 1, y + radius); dy++)
                {
                    value = pick(value, rows[dy * width + x]);
                }
                output[y * width + x] = (byte)value;
            }
        }
        return new GrayImage(width, height, output);
    }

    private static GrayImage Map(GrayImage image, Func<int, int, double, double> change)
    {
        var output = new byte[image.Pixels.Length];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                output[y * image.Width + x] = (byte)Math.Clamp(Math.Round(change(x, y, image.Pixels[y * image.Width + x])), 0, 255);
            }
        }
        return new GrayImage(image.Width, image.Height, output);
    }
}
