using Matcher.Face.Detection;
using Matcher.Face.Models;
using Matcher.Face.Sampling;
using Matcher.Imaging;

namespace Matcher.Face.Liveness;

/// <summary>
/// Presentation-attack score from a wide crop around the face (the model judges the face's surroundings: screen
/// edges, paper borders). Returns the softmax probability of the live class, 0..1.
/// </summary>
internal sealed class LivenessScorer
{
    private static readonly PixelLayout Layout = new(ChannelOrder.Bgr, 0, 1);

    private readonly OnnxModel _model;
    private readonly int _size;

    public LivenessScorer(OnnxModel model)
    {
        if (model.InputShape is not [1, 3, var height, var width] || height != width)
        {
            throw new InvalidDataException($"Liveness model '{model.Id}' must take one square colour image [1,3,N,N].");
        }
        if (model.OutputShapes[0] is not [1, > FaceParameters.LivenessLiveClass])
        {
            throw new InvalidDataException($"Liveness model '{model.Id}' must output one row of class scores.");
        }
        _model = model;
        _size = checked((int)width);
    }

    public OnnxModel Model => _model;

    public double Score(RgbImage image, in FaceBox square, ModelBuffers buffers)
    {
        var side = Math.Min(square.Height * FaceParameters.LivenessContextScale, Math.Min(image.Width, image.Height));
        var centreX = (square.Left + square.Right) / 2;
        var centreY = (square.Top + square.Bottom) / 2;
        var left = Math.Clamp(centreX - side / 2, 0, image.Width - side);
        var top = Math.Clamp(centreY - side / 2, 0, image.Height - side);
        var map = AffineMap.FromRectangle(left, top, side, side, _size, _size);
        TensorSampler.Sample(image, map, _size, _size, Layout, buffers.Input);
        _model.Run(buffers);
        return Softmax(buffers.Outputs[0], FaceParameters.LivenessLiveClass);
    }

    private static double Softmax(ReadOnlySpan<float> logits, int index)
    {
        var max = double.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }
        double sum = 0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }
        return Math.Exp(logits[index] - max) / sum;
    }
}
