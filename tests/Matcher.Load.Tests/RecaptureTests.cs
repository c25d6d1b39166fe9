using Matcher.Fingerprint.Matching;
using Matcher.Load.Planting;
using Matcher.Population;
using Xunit;

namespace Matcher.Load.Tests;

/// <summary>
/// Planted recaptures score like genuine pairs, not like copies: with the real 1:1 matcher, nearly every recapture of
/// a synthetic finger passes the verify threshold (40), a few fall low as real poor impressions do, and every one
/// scores below the finger compared with itself.
/// </summary>
public sealed class RecaptureTests
{
    private const int Subjects = 30;

    [Fact]
    public void A_finger_recapture_scores_like_a_genuine_pair()
    {
        var generator = PopulationGenerator.Create(seed: 5);
        var genuine = new List<double>();
        var self = new List<double>();
        var impostor = new List<double>();
        for (var i = 0; i < Subjects; i++)
        {
            var subject = generator.Generate(i);
            var other = generator.Generate(i + Subjects);
            foreach (var position in (int[])[2, 7])
            {
                var finger = subject.Finger(position);
                var recapture = FingerRecapture.Of(finger, (ulong)((i * 10) + position));
                genuine.Add(FingerprintMatcher.Compare(recapture, finger));
                self.Add(FingerprintMatcher.Compare(finger, finger));
                impostor.Add(FingerprintMatcher.Compare(recapture, other.Finger(position)));
            }
        }
        var median = genuine.Order().ElementAt(genuine.Count / 2);
        var passing = genuine.Count(s => s >= 40) / (double)genuine.Count;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"recapture vs original: min {genuine.Min():0.0}, median {median:0.0}, max {genuine.Max():0.0}, at or above 40: {passing:P1}; " +
            $"self median {self.Order().ElementAt(self.Count / 2):0.0}; impostor max {impostor.Max():0.0}");
        Assert.InRange(median, 50, 110);
        Assert.InRange(passing, 0.9, 1.0);
        Assert.InRange(impostor.Max(), 0, 40);
        Assert.InRange(self.Order().ElementAt(self.Count / 2), 120, 200);
        Assert.True(genuine.Zip(self).All(p => p.First < p.Second), "a recapture must score below the finger compared with itself");
        Assert.Equal(genuine, Enumerable.Range(0, Subjects).SelectMany(i => ((int[])[2, 7]).Select(position =>
            FingerprintMatcher.Compare(FingerRecapture.Of(generator.Generate(i).Finger(position), (ulong)((i * 10) + position)), generator.Generate(i).Finger(position)))));
    }

    [Fact]
    public void A_face_recapture_has_a_genuine_cosine_and_is_the_same_for_the_same_seed()
    {
        var generator = PopulationGenerator.Create(seed: 5);
        for (var i = 0; i < Subjects; i++)
        {
            var face = generator.GenerateFace(i)!;
            var recapture = FaceRecapture.Of(face, (ulong)i);
            var cosine = Cosine(face, recapture);
            Assert.InRange(cosine, FaceRecapture.MinCosine - 1e-4, FaceRecapture.MaxCosine + 1e-4);
            Assert.InRange(Cosine(recapture, recapture), 1 - 1e-4, 1 + 1e-4);
            Assert.Equal(recapture, FaceRecapture.Of(face, (ulong)i));
        }
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }
}
