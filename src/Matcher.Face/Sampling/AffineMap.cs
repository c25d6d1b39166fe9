namespace Matcher.Face.Sampling;

/// <summary>
/// x' = A x + B y + C, y' = D x + E y + F. Used to map destination pixel indices to source image coordinates, so
/// every crop, resize and alignment is one bilinear pass straight into a model's input tensor.
/// </summary>
internal readonly record struct AffineMap(double A, double B, double C, double D, double E, double F)
{
    /// <summary>Maps a destination grid of width x height over the source rectangle, pixel centres to pixel centres.</summary>
    public static AffineMap FromRectangle(double left, double top, double width, double height, int destinationWidth, int destinationHeight)
    {
        var scaleX = width / destinationWidth;
        var scaleY = height / destinationHeight;
        return new AffineMap(scaleX, 0, left + 0.5 * scaleX - 0.5, 0, scaleY, top + 0.5 * scaleY - 0.5);
    }

    public (double X, double Y) Apply(double x, double y) => (A * x + B * y + C, D * x + E * y + F);

    public AffineMap Inverse()
    {
        var determinant = A * E - B * D;
        if (Math.Abs(determinant) < 1e-12)
        {
            throw new ArgumentException("The transform is singular and has no inverse.");
        }
        var a = E / determinant;
        var b = -B / determinant;
        var d = -D / determinant;
        var e = A / determinant;
        return new AffineMap(a, b, -(a * C + b * F), d, e, -(d * C + e * F));
    }
}
