using Matcher.Testing;
using Xunit;

namespace Matcher.Imaging.Tests.Wsq;

/// <summary>
/// The SourceAFIS sample WSQ (an NBIS-encoded 832 x 768 print at 0.75 bpp) against its published decoding. The
/// specification's decoder conformance (Annex AA) asks for at least 99.9 % of pixels identical to the reference and
/// none off by more than one grey level; these tests hold the decoder to that.
/// </summary>
public sealed class WsqReferenceTests
{
    [Fact]
    public void The_sample_decodes_within_one_grey_level_of_the_reference()
    {
        var (wsq, reference) = Sample();

        Assert.Equal((832, 768), (wsq.Width, wsq.Height));
        var (maxDifference, meanDifference, identical) = Compare(wsq, reference);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"WSQ vs reference PNG: max |difference| {maxDifference}, mean |difference| {meanDifference:0.000000}, identical {identical:P4}");
        Assert.True(maxDifference <= 1, $"a pixel is off by {maxDifference} grey levels");
        Assert.True(meanDifference < 0.001, $"mean |difference| {meanDifference:0.000000}");
        Assert.True(identical >= 0.999, $"only {identical:P4} of the pixels are identical");
    }

    [Fact]
    public void The_sample_is_detected_as_wsq_and_states_500_ppi()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Datasets.Require("fingerprints/sourceafis-samples"), "wsq-original.wsq"));

        Assert.Equal(ImageFormat.Wsq, ImageDecoder.DetectFormat(bytes));
        Assert.Equal(500, ImageDecoder.DeclaredDpi(bytes));
    }

    [Fact]
    public void Decoding_is_deterministic()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Datasets.Require("fingerprints/sourceafis-samples"), "wsq-original.wsq"));

        Assert.Equal(ImageDecoder.DecodeGray(bytes).Pixels, ImageDecoder.DecodeGray(bytes).Pixels);
    }

    internal static (GrayImage Wsq, GrayImage Reference) Sample()
    {
        var folder = Datasets.Require("fingerprints/sourceafis-samples");
        return (ImageDecoder.DecodeGray(File.ReadAllBytes(Path.Combine(folder, "wsq-original.wsq"))),
            ImageDecoder.DecodeGray(File.ReadAllBytes(Path.Combine(folder, "wsq-converted.png"))));
    }

    private static (int Max, double Mean, double Identical) Compare(GrayImage a, GrayImage b)
    {
        Assert.Equal((b.Width, b.Height), (a.Width, a.Height));
        long sum = 0;
        var max = 0;
        var same = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            var difference = Math.Abs(a.Pixels[i] - b.Pixels[i]);
            sum += difference;
            max = Math.Max(max, difference);
            same += difference == 0 ? 1 : 0;
        }
        return (max, sum / (double)a.Pixels.Length, same / (double)a.Pixels.Length);
    }
}
