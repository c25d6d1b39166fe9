namespace Matcher.Face.Landmarks;

/// <summary>
/// The five points alignment uses (eye centres, nose tip, mouth corners), as seen in the image: "left" is the
/// image-left side. Derived from the 68 iBUG landmarks by averaging the points around each eye and mouth corner.
/// </summary>
public readonly record struct FivePoints(PointD LeftEye, PointD RightEye, PointD Nose, PointD LeftMouth, PointD RightMouth)
{
    /// <summary>Canonical positions in the 112x112 ArcFace crop.</summary>
    internal static readonly FivePoints ArcFaceReference = new(
        new PointD(38.2946, 51.6963), new PointD(73.5318, 51.5014), new PointD(56.0252, 71.7366),
        new PointD(41.5493, 92.3655), new PointD(70.7299, 92.2041));

    public double InterEyeDistance => LeftEye.DistanceTo(RightEye);

    internal FivePoints Scaled(double factor)
    {
        PointD Scale(PointD p) => new(p.X * factor, p.Y * factor);
        return new FivePoints(Scale(LeftEye), Scale(RightEye), Scale(Nose), Scale(LeftMouth), Scale(RightMouth));
    }

    internal PointD this[int index] => index switch
    {
        0 => LeftEye,
        1 => RightEye,
        2 => Nose,
        3 => LeftMouth,
        4 => RightMouth,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    internal const int Count = 5;

    /// <summary>From 68 landmarks in iBUG order, flattened as x0, y0, x1, y1, ...</summary>
    internal static FivePoints FromIbug68(ReadOnlySpan<double> xy) => new(
        Mean(xy, 37, 38, 40, 41),
        Mean(xy, 43, 44, 46, 47),
        Mean(xy, 30),
        Mean(xy, 48, 60),
        Mean(xy, 54, 64));

    private static PointD Mean(ReadOnlySpan<double> xy, params ReadOnlySpan<int> points)
    {
        double x = 0, y = 0;
        foreach (var point in points)
        {
            x += xy[2 * point];
            y += xy[2 * point + 1];
        }
        return new PointD(x / points.Length, y / points.Length);
    }
}
