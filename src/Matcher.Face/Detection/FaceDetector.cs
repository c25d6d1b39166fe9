using Matcher.Face.Models;
using Matcher.Face.Sampling;
using Matcher.Imaging;

namespace Matcher.Face.Detection;

/// <summary>
/// UltraFace-style detector: the model already applies softmax to the scores and decodes the anchor boxes, so what is
/// left here is thresholding, non-maximum suppression and mapping boxes back to image pixels.
/// </summary>
internal sealed class FaceDetector
{
    private static readonly PixelLayout Layout = new(ChannelOrder.Rgb, FaceParameters.CentredOffset, FaceParameters.CentredScale);

    private readonly OnnxModel _model;
    private readonly int _inputHeight;
    private readonly int _inputWidth;

    public FaceDetector(OnnxModel model)
    {
        if (model.InputShape is not [1, 3, > 0, > 0]
            || model.OutputShapes is not [[1, var anchors, 2], [1, var boxAnchors, 4]]
            || anchors != boxAnchors)
        {
            throw new InvalidDataException(
                $"Detector model '{model.Id}' must take [1,3,H,W] and output scores [1,N,2] and boxes [1,N,4].");
        }
        _model = model;
        _inputHeight = checked((int)model.InputShape[2]);
        _inputWidth = checked((int)model.InputShape[3]);
    }

    public OnnxModel Model => _model;

    /// <summary>How much an image is shrunk before detection: only when it is much larger than the detector input.</summary>
    public double ReductionFor(RgbImage image) =>
        Math.Max(image.Width / (double)_inputWidth, image.Height / (double)_inputHeight) / FaceParameters.MaximumDownsampling;

    /// <summary>All faces found, in image pixel coordinates, best first.</summary>
    public List<FaceBox> Detect(RgbImage image, ModelBuffers buffers)
    {
        var canvas = DetectionCanvas.Around(image.Width, image.Height);
        var map = AffineMap.FromRectangle(canvas.Left, canvas.Top, canvas.Width, canvas.Height, _inputWidth, _inputHeight);
        TensorSampler.Sample(image, map, _inputWidth, _inputHeight, Layout, buffers.Input);
        _model.Run(buffers);

        var scores = buffers.Outputs[0];
        var boxes = buffers.Outputs[1];
        var candidates = new List<FaceBox>();
        for (var i = 0; i < scores.Length / 2; i++)
        {
            var confidence = scores[2 * i + 1];
            if (confidence >= FaceParameters.DetectionScoreThreshold)
            {
                candidates.Add(new FaceBox(
                    canvas.Left + boxes[4 * i] * canvas.Width,
                    canvas.Top + boxes[4 * i + 1] * canvas.Height,
                    canvas.Left + boxes[4 * i + 2] * canvas.Width,
                    canvas.Top + boxes[4 * i + 3] * canvas.Height,
                    confidence));
            }
        }
        if (candidates.Count > FaceParameters.DetectionMaxCandidates)
        {
            candidates.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
            candidates.RemoveRange(FaceParameters.DetectionMaxCandidates, candidates.Count - FaceParameters.DetectionMaxCandidates);
        }
        return NonMaximumSuppression.Apply(candidates, FaceParameters.NonMaximumSuppressionIou)
            .Where(b => b.Width > 0 && b.Height > 0)
            .ToList();
    }
}
