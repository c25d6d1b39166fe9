using Matcher.Fingerprint.Templates;
using Matcher.Population.Fingerprints;
using Xunit;

namespace Matcher.Population.Tests.Fingerprints;

public sealed class FingerprintSynthesisTests
{
    private const int Subjects = 400;

    private static readonly IReadOnlyList<SyntheticSubject> Population =
        [.. new PopulationGenerator(seed: 7, faces: null, faceModelId: "").Generate(0, Subjects)];

    [Fact]
    public void EverySubjectHasTenFingersInPositionOrder()
    {
        Assert.All(Population, subject => Assert.Equal(Enumerable.Range(1, 10), subject.Fingers.Select(f => f.Position)));
    }

    [Fact]
    public void MinutiaCountsAreThoseOfPlainImpressionsAndThumbsHaveTheMost()
    {
        var counts = Population.SelectMany(s => s.Fingers).GroupBy(f => f.Position)
            .ToDictionary(g => g.Key, g => g.Average(f => f.Template.Minutiae.Count));
        var all = Population.SelectMany(s => s.Fingers).Select(f => f.Template.Minutiae.Count).ToList();

        Assert.InRange(all.Average(), 35, 50);
        Assert.InRange(Percentile(all, 0.05), 22, 35);
        Assert.InRange(Percentile(all, 0.95), 50, 75);
        Assert.True(counts[1] > counts[2] && counts[6] > counts[7], "thumbs show more minutiae than index fingers");
        Assert.True(counts[5] < counts[3] && counts[10] < counts[8], "little fingers show fewer than middle fingers");
    }

    [Fact]
    public void FramesAreThoseOfPlainImpressionsAt500Dpi()
    {
        var thumbs = Population.Select(s => s.Finger(1)).ToList();
        var littles = Population.Select(s => s.Finger(5)).ToList();

        Assert.InRange(thumbs.Average(t => t.Height), 480, 620);
        Assert.InRange(littles.Average(t => t.Height), 340, 460);
        Assert.All(Population.SelectMany(s => s.Fingers), f => Assert.All(f.Template.Minutiae, m =>
        {
            Assert.InRange(m.X, 0, f.Template.Width - 1);
            Assert.InRange(m.Y, 0, f.Template.Height - 1);
        }));
    }

    [Fact]
    public void NoTwoMinutiaeAreCloserThanARidgePeriodAndBothTypesOccur()
    {
        foreach (var template in Population.Take(50).SelectMany(s => s.Fingers).Select(f => f.Template))
        {
            var minutiae = template.Minutiae;
            for (var i = 0; i < minutiae.Count; i++)
            {
                for (var j = i + 1; j < minutiae.Count; j++)
                {
                    var distance = Math.Sqrt(Math.Pow(minutiae[i].X - minutiae[j].X, 2) + Math.Pow(minutiae[i].Y - minutiae[j].Y, 2));
                    Assert.True(distance >= 6.5, $"minutiae {distance:0.0} pixels apart");
                }
            }
        }
        var types = Population.SelectMany(s => s.Fingers).SelectMany(f => f.Template.Minutiae).GroupBy(m => m.Type)
            .ToDictionary(g => g.Key, g => g.Count());
        var endingShare = (double)types[MinutiaType.Ending] / (types[MinutiaType.Ending] + types[MinutiaType.Bifurcation]);
        Assert.InRange(endingShare, 0.5, 0.62);
    }

    [Fact]
    public void PatternClassesOccurAtPopulationFrequencies()
    {
        var fingers = Population.SelectMany(s => s.Fingers).ToList();
        double Share(params PatternClass[] classes) => fingers.Count(f => classes.Contains(f.Pattern)) / (double)fingers.Count;

        Assert.InRange(Share(PatternClass.Arch, PatternClass.TentedArch), 0.04, 0.12);
        Assert.InRange(Share(PatternClass.LeftLoop, PatternClass.RightLoop), 0.55, 0.72);
        Assert.InRange(Share(PatternClass.Whorl), 0.2, 0.35);
        Assert.True(fingers.Count(f => f.Position <= 5 && f.Pattern == PatternClass.RightLoop) >
            3 * fingers.Count(f => f.Position <= 5 && f.Pattern == PatternClass.LeftLoop), "right hands have mostly right loops");
    }

    [Fact]
    public void TheSameSeedGivesTheSameSubjectAndAnotherSeedAnother()
    {
        var again = new PopulationGenerator(seed: 7, faces: null, faceModelId: "").Generate(123);
        var other = new PopulationGenerator(seed: 8, faces: null, faceModelId: "").Generate(123);

        Assert.Equal(Iso(Population[123]), Iso(again));
        Assert.NotEqual(Iso(Population[123]), Iso(other));
        Assert.NotEqual(Iso(Population[123]), Iso(Population[124]));
    }

    private static byte[] Iso(SyntheticSubject subject) => [.. subject.ToPopulationSubject().Fingers.SelectMany(f => f.IsoTemplate)];

    private static double Percentile(List<int> values, double share) => values.Order().ElementAt((int)(share * (values.Count - 1)));
}
