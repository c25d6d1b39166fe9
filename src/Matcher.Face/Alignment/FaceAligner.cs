using Matcher.Face.Landmarks;
using Matcher.Face.Sampling;
using Matcher.Imaging;

namespace Matcher.Face.Alignment;

/// <summary>Warps the face so its five points land on the ArcFace reference positions of a 112x112 crop.</summary>
internal static class FaceAligner
{
    public const int Size = 112;

    /// <summary>Bilinear warp of the aligned crop straight into a planar tensor with the given pixel layout.</summary>
    public static void AlignInto(RgbImage image, in FivePoints points, PixelLayout layout, Span<float> tensor)
    {
        var imageToCrop = SimilarityTransform.Estimate(points, FivePoints.ArcFaceReference);
        TensorSampler.Sample(image, imageToCrop.Inverse(), Size, Size, layout, tensor);
    }
}
