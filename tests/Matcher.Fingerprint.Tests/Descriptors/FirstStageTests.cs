using Matcher.Fingerprint.Descriptors;
using Matcher.Fingerprint.Tests.Extraction;
using Matcher.Fingerprint.Tests.Matching;
using Xunit;

namespace Matcher.Fingerprint.Tests.Descriptors;

/// <summary>The first-stage descriptor and its background model on the FVC2002 B templates our extractor makes.</summary>
public sealed class FirstStageTests
{
    [Fact]
    public void A_finger_turned_and_moved_on_the_sensor_keeps_almost_every_cell()
    {
        var template = FvcExtractions.Get("DB1_B", 101, 1).Result!.Template;
        var original = FingerDescriptor.Of(template);
        var moved = FingerDescriptor.Of(TemplateTransforms.Rotate(template, 37, 40, -25));

        var kept = SharedBits(original, moved) / (double)original.BitCount;

        Assert.True(kept > 0.9, $"only {kept:P0} of the cells survive a rigid move");
        Assert.True(DescriptorBackground.Default.Similarity(original, moved) > 8);
    }

    [Fact]
    public void Similarity_is_symmetric_and_mates_outscore_impostors_on_every_database()
    {
        foreach (var database in FvcImages.Databases)
        {
            var fingers = FvcExtractions.Of(database).Where(e => e.Result is not null)
                .Select(e => (e.Finger, Descriptor: FingerDescriptor.Of(e.Result!.Template))).ToList();
            var mates = new List<double>();
            var impostors = new List<double>();
            for (var i = 0; i < fingers.Count; i++)
            {
                for (var j = i + 1; j < fingers.Count; j++)
                {
                    var forward = DescriptorBackground.Default.Similarity(fingers[i].Descriptor, fingers[j].Descriptor);
                    Assert.Equal(forward, DescriptorBackground.Default.Similarity(fingers[j].Descriptor, fingers[i].Descriptor));
                    (fingers[i].Finger == fingers[j].Finger ? mates : impostors).Add(forward);
                }
            }
            // The background, pooled over nine databases, centres impostors near 0 in each; mates sit well above.
            Assert.True(Math.Abs(impostors.Average()) < 1.5, $"{database}: impostors average {impostors.Average():0.00}");
            Assert.True(mates.Average() - impostors.Average() > 2, $"{database}: mates {mates.Average():0.00}, impostors {impostors.Average():0.00}");
        }
    }

    [Fact]
    public void The_background_model_survives_its_encoding_and_fits_the_same_from_the_same_fingers()
    {
        var descriptors = FvcExtractions.All.Where(e => e.Result is not null).Select(e => FingerDescriptor.Of(e.Result!.Template)).ToList();
        var fitted = DescriptorBackground.Fit(descriptors);
        var decoded = DescriptorBackground.Decode(fitted.Encode());

        Assert.Equal(fitted.Encode(), decoded.Encode());
        Assert.Equal(fitted.Similarity(descriptors[0], descriptors[9]), decoded.Similarity(descriptors[0], descriptors[9]));
        Assert.Throws<FormatException>(() => DescriptorBackground.Decode(Convert.ToBase64String(new byte[10])));
        Assert.Throws<ArgumentException>(() => DescriptorBackground.Fit([]));
    }

    [Fact]
    public void The_calibrated_first_stage_score_grows_with_similarity_and_is_zero_for_unrelated_fingers()
    {
        var template = FvcExtractions.Get("DB2_B", 105, 1).Result!.Template;
        var mate = FvcExtractions.Get("DB2_B", 105, 2).Result!.Template;
        var stranger = FvcExtractions.Get("DB2_B", 108, 1).Result!.Template;

        var mateScore = FirstStageScore.Of(FingerDescriptor.Of(template), FingerDescriptor.Of(mate));
        var strangerScore = FirstStageScore.Of(FingerDescriptor.Of(template), FingerDescriptor.Of(stranger));

        Assert.True(mateScore > strangerScore + 10, $"mate {mateScore:0.0}, stranger {strangerScore:0.0}");
        Assert.Equal(0, FirstStageScore.Calibration.ToScore(-5));
    }

    private static int SharedBits(FingerDescriptor first, FingerDescriptor second) =>
        first.Words.Zip(second.Words).Sum(pair => System.Numerics.BitOperations.PopCount(pair.First & pair.Second));
}
