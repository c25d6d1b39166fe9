namespace Matcher.Imaging.Perturbation;

/// <summary>
/// Makes a fingerprint image harder the way busy stations do: plastic distortion, a large turn, a shift that cuts the
/// common area, and dry, wet or pressed skin. Deterministic: the same image, resolution, kinds and seed give the same
/// pixels. Every magnitude is drawn whether or not its kind is chosen, so an image keeps, say, its turn when
/// distortion is added to the chosen kinds. Magnitudes are in <see cref="PerturbationParameters"/>.
/// </summary>
public static class FingerprintPerturbation
{
    public static GrayImage Apply(GrayImage image, int dpi, PerturbationKinds kinds, int seed)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        var random = new Random(seed);
        var scale = dpi / 500.0;
        var region = PrintRegion.Of(image);
        var warp = DrawWarp(region, scale, kinds, random);
        var field = new SmoothField(image.Width, image.Height, PerturbationParameters.PatchPixels * scale, random);
        var radius = Math.Max(1, (int)Math.Round(scale));
        var lightTouch = random.NextDouble() < 0.5;
        var contactRadius = Between(random, PerturbationParameters.MinContactShare, PerturbationParameters.MaxContactShare) * region.Radius;
        var conditions = new[] { PerturbationKinds.Dry, PerturbationKinds.Wet, PerturbationKinds.Pressure }.Where(k => kinds.HasFlag(k)).ToArray();
        var condition = random.Next(3);
        var moved = (kinds & PerturbationKinds.Geometric) == 0 ? image : warp.Apply(image);
        if (conditions.Length == 0)
        {
            return moved == image ? new GrayImage(image.Width, image.Height, (byte[])image.Pixels.Clone()) : moved;
        }
        // The print moved with the warp; skin changes centre on where it lies now.
        var movedRegion = PrintRegion.Of(moved);
        return conditions[condition % conditions.Length] switch
        {
            PerturbationKinds.Dry => SkinCondition.Dry(moved, movedRegion, radius, field),
            PerturbationKinds.Wet => SkinCondition.Wet(moved, movedRegion, radius, field),
            _ => lightTouch
                ? SkinCondition.LightTouch(moved, movedRegion, radius, contactRadius)
                : SkinCondition.HeavyTouch(moved, movedRegion, radius),
        };
    }

    /// <summary>Parses a comma-separated list of kind names (elastic, rotation, translation, dry, wet, pressure, all).</summary>
    public static bool TryParseKinds(string text, out PerturbationKinds kinds)
    {
        kinds = PerturbationKinds.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<PerturbationKinds>(name, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
                || name.All(char.IsDigit) || kind == PerturbationKinds.None)
            {
                return false;
            }
            kinds |= kind;
        }
        return kinds != PerturbationKinds.None;
    }

    private static GeometricWarp DrawWarp(PrintRegion region, double scale, PerturbationKinds kinds, Random random)
    {
        var core = Between(random, PerturbationParameters.MinCoreShare, PerturbationParameters.MaxCoreShare) * region.Radius;
        var distortion = Signed(random, PerturbationParameters.MaxDistortionDegrees) * Math.PI / 180;
        var dragAngle = random.NextDouble() * 2 * Math.PI;
        var drag = Between(random, 0.5, 1) * PerturbationParameters.MaxDragPixels * scale;
        var rotation = Signed(random, PerturbationParameters.MaxRotationDegrees) * Math.PI / 180;
        var shiftAngle = random.NextDouble() * 2 * Math.PI;
        var shift = Between(random, PerturbationParameters.MinShiftShare, PerturbationParameters.MaxShiftShare) * region.Radius;
        var elastic = kinds.HasFlag(PerturbationKinds.Elastic);
        var translation = kinds.HasFlag(PerturbationKinds.Translation);
        return new GeometricWarp(
            region,
            elastic ? core : double.PositiveInfinity,
            PerturbationParameters.TransitionShare * region.Radius,
            elastic ? distortion : 0,
            elastic ? drag * Math.Cos(dragAngle) : 0,
            elastic ? drag * Math.Sin(dragAngle) : 0,
            kinds.HasFlag(PerturbationKinds.Rotation) ? rotation : 0,
            translation ? shift * Math.Cos(shiftAngle) : 0,
            translation ? shift * Math.Sin(shiftAngle) : 0);
    }

    private static double Between(Random random, double low, double high) => low + random.NextDouble() * (high - low);

    private static double Signed(Random random, double bound) => (2 * random.NextDouble() - 1) * bound;
}
