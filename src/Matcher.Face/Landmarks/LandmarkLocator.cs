using Matcher.Face.Detection;
using Matcher.Face.Models;
using Matcher.Face.Sampling;
using Matcher.Imaging;

namespace Matcher.Face.Landmarks;

/// <summary>Finds the 68 iBUG landmarks inside a square face crop and returns them in image pixels.</summary>
internal sealed class LandmarkLocator
{
    public const int PointCount = 68;

    private static readonly PixelLayout Layout = new(ChannelOrder.Gray, 0, FaceParameters.LandmarkScale);

    private readonly OnnxModel _model;
    private readonly int _size;

    public LandmarkLocator(OnnxModel model)
    {
        if (model.InputShape is not [1, 1, var height, var width] || height != width)
        {
            throw new InvalidDataException($"Landmark model '{model.Id}' must take one square greyscale image [1,1,N,N].");
        }
        if (model.OutputShapes[0] is not [1, 2 * PointCount])
        {
            throw new InvalidDataException($"Landmark model '{model.Id}' must output {2 * PointCount} coordinates.");
        }
        _model = model;
        _size = checked((int)width);
    }

    public OnnxModel Model => _model;

    /// <summary>
    /// Writes 68 (x, y) pairs in image pixels into <paramref name="xy"/>. Two passes: the first on the detector's square,
    /// the second on a square of the same size centred on the first pass's landmarks. The model places points best on a
    /// face centred in its crop, and detector boxes sit off-centre on turned and tilted heads (LFW duplicates found by the
    /// service at FPIR 1 %: 558 -> 563 of 586).
    /// </summary>
    public void Locate(RgbImage image, in FaceBox square, ModelBuffers buffers, Span<double> xy)
    {
        LocateOnce(image, square, buffers, xy);
        var (centreX, centreY) = Centroid(xy);
        // Points that are not numbers (a manifest may name another model) are left for the engine's size check to refuse.
        if (!double.IsFinite(centreX) || !double.IsFinite(centreY))
        {
            return;
        }
        var half = square.Width / 2;
        var recentred = square with { Left = centreX - half, Right = centreX + half, Top = centreY - half, Bottom = centreY + half };
        LocateOnce(image, recentred, buffers, xy);
    }

    /// <summary>One pass of the model on <paramref name="square"/>, without recentring.</summary>
    internal void LocateOnce(RgbImage image, in FaceBox square, ModelBuffers buffers, Span<double> xy)
    {
        var map = AffineMap.FromRectangle(square.Left, square.Top, square.Width, square.Height, _size, _size);
        TensorSampler.Sample(image, map, _size, _size, Layout, buffers.Input);
        _model.Run(buffers);
        var output = buffers.Outputs[0];
        for (var i = 0; i < PointCount; i++)
        {
            xy[2 * i] = square.Left + output[2 * i] * square.Width;
            xy[2 * i + 1] = square.Top + output[2 * i + 1] * square.Height;
        }
    }

    private static (double X, double Y) Centroid(ReadOnlySpan<double> xy)
    {
        double x = 0, y = 0;
        for (var i = 0; i < PointCount; i++)
        {
            x += xy[2 * i];
            y += xy[2 * i + 1];
        }
        return (x / PointCount, y / PointCount);
    }
}
