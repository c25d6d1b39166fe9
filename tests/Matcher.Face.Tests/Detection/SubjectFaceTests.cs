using Matcher.Face.Detection;
using Matcher.Face.Tests.Support;
using Xunit;

namespace Matcher.Face.Tests.Detection;

public sealed class SubjectFaceTests
{
    private const double RelativeSize = 0.5;

    [Fact]
    public void ASingleFaceIsTheSubjectWhereverItIs()
    {
        var corner = new FaceBox(0, 0, 40, 50, 0.9);

        Assert.Equal(corner, SubjectFace.Choose([corner], 250, 250, RelativeSize));
    }

    [Fact]
    public void ALargerFaceAtTheEdgeLosesToAProminentFaceInTheCentre()
    {
        var bystander = new FaceBox(180, 60, 250, 160, 0.99);
        var applicant = new FaceBox(90, 80, 160, 155, 0.9);

        Assert.Equal(applicant, SubjectFace.Choose([bystander, applicant], 250, 250, RelativeSize));
    }

    [Fact]
    public void ASmallFaceInTheCentreIsABackgroundFaceNotTheSubject()
    {
        var applicant = new FaceBox(0, 40, 120, 190, 0.95);
        var background = new FaceBox(115, 110, 140, 140, 0.8);

        Assert.Equal(applicant, SubjectFace.Choose([background, applicant], 250, 250, RelativeSize));
    }

    [Fact]
    public void NoFacesIsAnError() =>
        Assert.Throws<ArgumentException>(() => SubjectFace.Choose([], 250, 250, RelativeSize));

    /// <summary>
    /// LFW pictures where a larger bystander leans into the frame beside the named person, who stands in the centre.
    /// With the largest face these pictures scored -0.11 to 0.10 against the same person's other picture.
    /// </summary>
    [Theory]
    [InlineData("Winona_Ryder", 15, 6)]
    [InlineData("Kosuke_Kitajima", 2, 1)]
    [InlineData("Condoleezza_Rice", 5, 2)]
    public void TheNamedPersonIsUsedWhenABystanderIsLarger(string person, int withBystander, int alone)
    {
        var engine = TestEngine.RequireLenient();

        var crowded = engine.Extract(FaceImages.LfwBytes(person, withBystander));
        var single = engine.Extract(FaceImages.LfwBytes(person, alone));

        Assert.True(crowded.FaceCount > 1);
        Assert.InRange(crowded.Embedding.CosineSimilarity(single.Embedding), 0.30, 1);
    }
}
