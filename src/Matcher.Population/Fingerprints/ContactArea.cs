namespace Matcher.Population.Fingerprints;

/// <summary>The elliptical area where the finger touched the scanner, in frame pixels.</summary>
internal readonly record struct ContactArea(double CenterX, double CenterY, double HalfWidth, double HalfHeight)
{
    /// <summary>Whether (x, y) lies inside the area shrunk by <paramref name="margin"/> pixels on every side.</summary>
    public bool Contains(double x, double y, double margin)
    {
        var dx = (x - CenterX) / (HalfWidth - margin);
        var dy = (y - CenterY) / (HalfHeight - margin);
        return (dx * dx) + (dy * dy) <= 1;
    }

    public double Area => Math.PI * HalfWidth * HalfHeight;
}
