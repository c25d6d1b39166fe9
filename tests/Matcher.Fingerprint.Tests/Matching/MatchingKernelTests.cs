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

    [Fact]
    public void ConsistentPairsAgreeWithTheScalarReference()
    {
        var random = new Random(20261129);
        var pairs = new RotationSortedPairs();
        for (var slot = 0; slot < 512; slot++)
        {
            pairs.ProbeX[slot] = random.Next(-50, 350);
            pairs.ProbeY[slot] = random.Next(-350, 50);
            pairs.CandidateX[slot] = random.Next(-50, 350);
            pairs.CandidateY[slot] = random.Next(-350, 50);
            pairs.Turn[slot] = random.Next(256);
        }
        for (var trial = 0; trial < 2000; trial++)
        {
            var rotation = (byte)random.Next(256);
            var root = new RigidTransform(
                ByteAngle.Cos[rotation], ByteAngle.Sin[rotation], random.Next(-200, 200), random.Next(-200, 200),
                rotation, random.Next(0, 300), random.Next(-300, 0));
            var start = random.Next(512 - ConsistentPairs.Width);
            var count = random.Next(ConsistentPairs.Width + 1);
            // Pairs that truly agree are rare among random ones; plant some so both outcomes are tested.
            for (var i = 0; i < count; i += 2)
            {
                var slot = start + i;
                pairs.ProbeX[slot] = root.MapX(pairs.CandidateX[slot], pairs.CandidateY[slot]) + random.Next(-12, 13);
                pairs.ProbeY[slot] = root.MapY(pairs.CandidateX[slot], pairs.CandidateY[slot]) + random.Next(-12, 13);
                pairs.Turn[slot] = (rotation + random.Next(-16, 17)) & 255;
            }
            Assert.Equal(ConsistentPairs.MaskScalar(pairs, start, count, root), ConsistentPairs.Mask(pairs, start, count, root));
        }
    }

    [Fact]
    public void SupportedPairListAgreesWithTheScalarReference()
    {
        var random = new Random(20261203);
        var vector = new DirectionSupport();
        var scalar = new DirectionSupport();
        for (var probeCount = 0; probeCount <= MatchingParameters.MaxMinutiae; probeCount += probeCount < 20 ? 1 : 7)
        {
            for (var candidateCount = 0; candidateCount <= MatchingParameters.MaxMinutiae; candidateCount += candidateCount < 40 ? 1 : 3)
            {
                vector.Reset(probeCount, candidateCount);
                scalar.Reset(probeCount, candidateCount);
                // From empty to dense, so rows without, with one and with many supported pairs all occur.
                var density = random.NextDouble() * random.NextDouble();
                for (var cell = 0; cell < probeCount * candidateCount; cell++)
                {
                    var support = random.NextDouble() < density ? (byte)random.Next(1, 256) : (byte)0;
                    vector.Support[cell] = support;
                    scalar.Support[cell] = support;
                }
                SupportedPairList.Fill(vector);
                SupportedPairList.FillScalar(scalar);
                Assert.Equal(scalar.SupportedPairCount, vector.SupportedPairCount);
                Assert.Equal(scalar.SupportedPairs.AsSpan(0, scalar.SupportedPairCount), vector.SupportedPairs.AsSpan(0, vector.SupportedPairCount));
            }
        }
    }

    [Fact]
    public void RefilledLanesFindWhatFreshLanesFind()
    {
        // The scratch lanes a candidate fills when it takes the probe's role must forget a larger template's lanes.
        var random = new Random(20261204);
        var scratchLanes = new ProbeLanes(ProbeLanes.MaxLanes);
        for (var trial = 0; trial < 200; trial++)
        {
            var packed = Pack(random, random.Next(0, MatchingParameters.MaxMinutiae + 1), extent: 200);
            var fresh = new ProbeLanes(packed);
            scratchLanes.Fill(packed.View);
            Assert.Equal(fresh.PaddedCount, scratchLanes.PaddedCount);
            for (var query = 0; query < 10; query++)
            {
                float x = random.Next(-20, 220), y = random.Next(-20, 220);
                var direction = random.Next(256);
                var freshNear = new int[fresh.PaddedCount];
                var refilledNear = new int[scratchLanes.PaddedCount];
                Assert.Equal(
                    NearestProbe.Find(fresh, x, y, direction, freshNear, out var freshSquared, out var freshAny),
                    NearestProbe.Find(scratchLanes, x, y, direction, refilledNear, out var refilledSquared, out var refilledAny));
                Assert.Equal(freshSquared, refilledSquared);
                Assert.Equal(freshAny, refilledAny);
                Assert.Equal(freshNear, refilledNear);
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
