namespace Matcher.Face.Detection;

/// <summary>
/// Which detected face is the applicant's. A capture is framed on the applicant, so among the prominent faces (at least
/// <c>relativeSize</c> as tall as the tallest one) the applicant's is the one nearest the centre of the picture. Taking
/// simply the largest face picks a bystander leaning into the frame: in LFW pictures such as Winona_Ryder_0015 the
/// bystander was embedded and the applicant went unrecognised.
/// </summary>
internal static class SubjectFace
{
    public static FaceBox Choose(IReadOnlyList<FaceBox> faces, double imageWidth, double imageHeight, double relativeSize)
    {
        if (faces.Count == 0)
        {
            throw new ArgumentException("There is no face to choose from.", nameof(faces));
        }
        var tallest = faces.Max(f => f.Height);
        var (centreX, centreY) = (imageWidth / 2, imageHeight / 2);
        return faces
            .Where(f => f.Height >= relativeSize * tallest)
            .OrderBy(f => Square((f.Left + f.Right) / 2 - centreX) + Square((f.Top + f.Bottom) / 2 - centreY))
            .ThenByDescending(f => f.Height)
            .First();
    }

    private static double Square(double value) => value * value;
}
