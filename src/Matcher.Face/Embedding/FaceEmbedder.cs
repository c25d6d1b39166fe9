using Matcher.Core.Scoring;
using Matcher.Face.Alignment;
using Matcher.Face.Landmarks;
using Matcher.Face.Models;
using Matcher.Face.Sampling;
using Matcher.Imaging;

namespace Matcher.Face.Embedding;

/// <summary>
/// Any ArcFace-style model: an aligned 112x112 colour crop in, a 128- or 512-d vector out. The model id combines the
/// manifest id with the start of the file's SHA-256, so a silently replaced file can never pass as the old model.
/// </summary>
internal sealed class FaceEmbedder
{
    // BGR scored slightly better than RGB with the default model (docs/face-pipeline.md).
    private static readonly PixelLayout Layout = new(ChannelOrder.Bgr, FaceParameters.CentredOffset, FaceParameters.CentredScale);

    private readonly OnnxModel _model;

    public FaceEmbedder(OnnxModel model, ScoreCalibration calibration)
    {
        if (model.InputShape is not [1, 3, FaceAligner.Size, FaceAligner.Size])
        {
            throw new InvalidDataException(
                $"Embedding model '{model.Id}' must take a [1,3,{FaceAligner.Size},{FaceAligner.Size}] image, not [{string.Join(",", model.InputShape)}].");
        }
        if (model.OutputShapes[0] is not [1, 128 or 512])
        {
            throw new InvalidDataException(
                $"Embedding model '{model.Id}' must output [1,128] or [1,512], not [{string.Join(",", model.OutputShapes[0])}].");
        }
        _model = model;
        ModelId = $"{model.Id}@{model.Sha256[..12]}";
        Calibration = calibration;
    }

    /// <summary>Length of the embeddings this model makes.</summary>
    public int Dimension => (int)_model.OutputShapes[0][1];

    /// <summary>Maps this model's cosine similarity to the shared score scale.</summary>
    public ScoreCalibration Calibration { get; }

    public OnnxModel Model => _model;

    public string ModelId { get; }

    public FaceEmbedding Embed(RgbImage image, in FivePoints points, ModelBuffers buffers)
    {
        FaceAligner.AlignInto(image, points, Layout, buffers.Input);
        _model.Run(buffers);
        return new FaceEmbedding(ModelId, buffers.Outputs[0]);
    }
}
