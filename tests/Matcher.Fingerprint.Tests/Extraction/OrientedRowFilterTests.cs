using Matcher.Fingerprint.Extraction;
using Xunit;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>The vectorised oriented filter against its scalar reference, on random images, for every run length and orientation.</summary>
public sealed class OrientedRowFilterTests
{
    [Fact]
    public void VectorPathsAgreeWithTheScalarReference()
    {
        const int width = 97;
        const int height = 61;
        var random = new Random(20261127);
        var source = new float[width * height];
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = (float)(random.NextDouble() * 4 - 2);
        }
        foreach (var kernel in new[] { OrientedKernel.AlongRidge, OrientedKernel.AcrossRidge })
        {
            var offsets = new int[kernel.Dx.Length];
            kernel.FillOffsets(width, offsets);
            for (var bin = 0; bin < ExtractionParameters.OrientationBins; bin++)
            {
                var binOffsets = offsets.AsSpan(bin * kernel.Taps, kernel.Taps);
                for (var length = 0; length <= 40; length++)
                {
                    var start = (kernel.Radius + random.Next(height - 2 * kernel.Radius)) * width + kernel.Radius;
                    var expected = new float[length];
                    var actual = new float[length];
                    OrientedRowFilter.ApplyScalar(source, start, binOffsets, kernel.Weights, expected);
                    OrientedRowFilter.Apply(source, start, binOffsets, kernel.Weights, actual);
                    for (var i = 0; i < length; i++)
                    {
                        Assert.Equal(expected[i], actual[i], 1e-5f);
                    }
                }
            }
        }
    }
}
