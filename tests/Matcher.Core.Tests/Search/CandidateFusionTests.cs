using Matcher.Core.Modalities;
using Matcher.Core.Scoring;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Xunit;

namespace Matcher.Core.Tests.Search;

public sealed class CandidateFusionTests
{
    private static readonly SubjectKey Key = new("g", "s");

    [Fact]
    public void NothingComparedIsNoCandidate() =>
        Assert.Null(Candidate.Fuse(Key, [(Modality.Fingerprint, []), (Modality.Face, [])]));

    [Fact]
    public void ModalitiesWithoutComparedSamplesAreLeftOut()
    {
        var candidate = Candidate.Fuse(Key, [(Modality.Fingerprint, []), (Modality.Face, [new SampleScore(0, 42)])])!;

        Assert.Equal(Modality.Face, Assert.Single(candidate.Modalities).Modality);
        Assert.Null(candidate.Of(Modality.Fingerprint));
        Assert.Equal(42, candidate.Score);
    }

    [Fact]
    public void EachModalityFusesItsSamplesAndTheTotalFusesEverySample()
    {
        SampleScore[] fingers = [new(2, 30), new(7, 25)];
        var candidate = Candidate.Fuse(Key, [(Modality.Fingerprint, fingers), (Modality.Face, [new SampleScore(0, 20)])])!;

        Assert.Equal(ScoreFusion.Fuse([30.0, 25.0]), candidate.Of(Modality.Fingerprint)!.Score);
        Assert.Equal(20, candidate.Of(Modality.Face)!.Score);
        // Over the three samples, not over the two modality scores: two fingers are two pieces of evidence.
        Assert.Equal(ScoreFusion.Fuse([30.0, 25.0, 20.0]), candidate.Score);
        Assert.Equal(fingers, candidate.Of(Modality.Fingerprint)!.Samples);
    }
}
