namespace Matcher.Face.Detection;

/// <summary>
/// The region of the image plane shown to the detector: the image plus a margin, widened to the detector's aspect.
/// Parts outside the image are sampled as black.
/// </summary>
internal readonly record struct DetectionCanvas(double Left, double Top, double Width, double Height)
{
    public static DetectionCanvas Around(int imageWidth, int imageHeight)
    {
        var width = imageWidth * (1 + 2 * FaceParameters.DetectionMargin);
        var height = imageHeight * (1 + 2 * FaceParameters.DetectionMargin);
        if (width / height < FaceParameters.DetectionAspect)
        {
            width = height * FaceParameters.DetectionAspect;
        }
        else
        {
            height = width / FaceParameters.DetectionAspect;
        }
        return new DetectionCanvas((imageWidth - width) / 2, (imageHeight - height) / 2, width, height);
    }
}
