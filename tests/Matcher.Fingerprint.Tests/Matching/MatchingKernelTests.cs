using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>
/// The vectorised matching kernels against their scalar references on random templates. Run again with
/// DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0 so every width is exercised.
/// </summary>
public sealed class MatchingKernelTests
{
    [Fact]
    public void NearestProbeAgreesWithTheScalarReference()
    {
        var random = new Random(20261127);
        for (var count = 0; count <= MatchingParameters.MaxMinutiae; count++)
        {
            var lanes = new ProbeLanes(Pack(random, count, extent: 200));
            for (var query = 0; query < 20; query++)
            {
                var x = (float)(random.NextDouble() * 240 - 20);
                var y = (float)(random.NextDouble() * 240 - 20);
                var direction = random.Next(256);
                // Integer points now and then, so exact distance ties between probe minutiae occur.
                if (query % 4 == 0)
                {
                    x = MathF.Round(x);
                    y = MathF.Round(y);
                }
                var expectedNear = new int[lanes.X.Length];
                var actualNear = new int[lanes.X.Length];
                var expected = NearestProbe.FindScalar(lanes, x, y, direction, expectedNear, out var expectedSquared, out var expectedAny);
                var actual = NearestProbe.Find(lanes, x, y, direction, actualNear, out var actualSquared, out var actualAny);
                Assert.Equal(expected, actual);
                Assert.Equal(expectedSquared, actualSquared);
                Assert.Equal(expectedAny, actualAny);
                Assert.Equal(expectedNear, actualNear);
            }
        }
    }

    [Fact]
    public void EdgeBlockTestAgreesWithTheScalarReference()
    {
        var random = new Random(20261128);
        for (var template = 0; template < 40; template++)
        {
            var index = ProbeEdgeIndex.Build(Pack(random, random.Next(3, MatchingParameters.MaxMinutiae + 1), extent: 300));
            for (var query = 0; query < 400; query++)
            {
                var block = random.Next(index.BlockCount);
                var length = (byte)random.Next(1, MatchingParameters.MaxEdgeLength + 1);
                var fromAngle = (byte)random.Next(256);
                var toAngle = (byte)random.Next(256);
                Assert.Equal(index.SimilarScalar(block, length, fromAngle, toAngle), index.Similar(block, length, fromAngle, toAngle));
            }
        }
    }

    [Fact]
    public void PaddingLanesNeverMatchAnyEdgeTheMatcherCanMeet()
    {
        var index = ProbeEdgeIndex.Build(Pack(new Random(7), 3, extent: 40));
        for (var length = 0; length <= MatchingParameters.MaxEdgeLength; length++)
        {
            for (var angle = 0; angle < 256; angle += 5)
            {
                Assert.Equal(0u, index.Similar(0, (byte)length, (byte)angle, (byte)(255 - angle)));
                Assert.Equal(0u, index.SimilarScalar(0, (byte)length, (byte)angle, (byte)(255 - angle)));
            }
        }
    }

    private static PackedMinutiae Pack(Random random, int count, int extent)
    {
        var minutiae = Enumerable.Range(0, count)
            .Select(_ => new Minutia(random.Next(extent), random.Next(extent), (float)(random.NextDouble() * 2 * Math.PI), MinutiaType.Ending, 50))
            .ToList();
        return TemplatePacker.Pack(new FingerprintTemplate(extent, extent, minutiae, 50));
    }
}
