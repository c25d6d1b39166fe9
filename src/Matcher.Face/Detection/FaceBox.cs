namespace Matcher.Face.Detection;

/// <summary>A detected face in image pixel coordinates, with the detector's confidence.</summary>
public readonly record struct FaceBox(double Left, double Top, double Right, double Bottom, double Confidence)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    internal FaceBox Scaled(double factor) =>
        this with { Left = Left * factor, Top = Top * factor, Right = Right * factor, Bottom = Bottom * factor };

    internal double IntersectionOverUnion(in FaceBox other)
    {
        var width = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var height = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }
        var intersection = width * height;
        return intersection / (Area + other.Area - intersection);
    }

    /// <summary>A square of side = box height around the same centre: the crop the landmark model expects.</summary>
    internal FaceBox ToSquare()
    {
        var centreX = (Left + Right) / 2;
        var half = Height / 2;
        return this with { Left = centreX - half, Right = centreX + half };
    }
}
