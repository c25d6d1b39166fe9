namespace Matcher.Face.Landmarks;

/// <summary>A point in image pixel coordinates.</summary>
public readonly record struct PointD(double X, double Y)
{
    public double DistanceTo(PointD other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));

    public static PointD Midpoint(PointD a, PointD b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
}
