using Matcher.Face.Landmarks;
using Matcher.Face.Sampling;

namespace Matcher.Face.Alignment;

/// <summary>
/// Least-squares similarity (rotation, uniform scale, translation) between point sets: u = a x - b y + tx,
/// v = b x + a y + ty. Unlike an exact affine on three points it cannot shear the face, which matters for accuracy.
/// </summary>
internal static class SimilarityTransform
{
    /// <summary>The similarity that best maps the <paramref name="from"/> points onto the <paramref name="to"/> points.</summary>
    public static AffineMap Estimate(in FivePoints from, in FivePoints to)
    {
        double meanX = 0, meanY = 0, meanU = 0, meanV = 0;
        for (var i = 0; i < FivePoints.Count; i++)
        {
            meanX += from[i].X;
            meanY += from[i].Y;
            meanU += to[i].X;
            meanV += to[i].Y;
        }
        meanX /= FivePoints.Count;
        meanY /= FivePoints.Count;
        meanU /= FivePoints.Count;
        meanV /= FivePoints.Count;

        double spread = 0, cosine = 0, sine = 0;
        for (var i = 0; i < FivePoints.Count; i++)
        {
            var x = from[i].X - meanX;
            var y = from[i].Y - meanY;
            var u = to[i].X - meanU;
            var v = to[i].Y - meanV;
            spread += x * x + y * y;
            cosine += x * u + y * v;
            sine += x * v - y * u;
        }
        if (spread < 1e-9)
        {
            throw new ArgumentException("The source points coincide; no similarity transform exists.");
        }
        var a = cosine / spread;
        var b = sine / spread;
        return new AffineMap(a, -b, meanU - a * meanX + b * meanY, b, a, meanV - b * meanX - a * meanY);
    }
}
