using Matcher.Core.Errors;
using Matcher.Face.Tests.Support;
using Matcher.Testing;
using Xunit;

namespace Matcher.Face.Tests.Pipeline;

/// <summary>
/// Thousands of damaged inputs through decode and the whole face pipeline: every one must end in a sample or a
/// BiometricInputException, never another exception, a hang or runaway memory.
/// </summary>
public sealed class FuzzTests
{
    private const int Cases = 2000;
    private const int Seed = 20261127;
    private const long WorkingSetCeiling = 2L * 1024 * 1024 * 1024;

    [Fact]
    public void DamagedImagesNeverCrashThePipeline()
    {
        var engine = TestEngine.RequireLenient();
        var fingerprints = Datasets.Require("fingerprints/sourceafis-samples");
        byte[][] valid =
        [
            FaceImages.LfwBytes("Abdullah_Gul", 13),
            FaceImages.LfwBytes("Abdullah_Gul", 14),
            FaceImages.OrlBytes(3, 4),
            File.ReadAllBytes(Path.Combine(fingerprints, "probe.png")),
            File.ReadAllBytes(Path.Combine(fingerprints, "probe.bmp")),
        ];
        var random = new Random(Seed);
        int extracted = 0, refused = 0;

        for (var i = 0; i < Cases; i++)
        {
            var input = Mutate(random, valid[random.Next(valid.Length)]);
            try
            {
                var sample = engine.Extract(input);
                Assert.True(float.IsFinite(sample.Embedding.Values[0]));
                extracted++;
            }
            catch (BiometricInputException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.ReasonCode));
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                refused++;
            }
        }

        Assert.Equal(Cases, extracted + refused);
        Assert.True(extracted > 50, $"only {extracted} damaged images still decoded; the pipeline behind the decoder was barely exercised");
        Assert.True(refused > 500, $"only {refused} inputs were refused");
        Assert.InRange(Environment.WorkingSet, 0, WorkingSetCeiling);
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        var data = original.ToArray();
        switch (random.Next(6))
        {
            case 0:
                var noise = new byte[random.Next(0, 2000)];
                random.NextBytes(noise);
                return noise;
            case 1:
                for (var flips = random.Next(1, 30); flips > 0; flips--)
                {
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                }
                return data;
            case 2:
                return data[..random.Next(data.Length)];
            case 3:
                var start = random.Next(data.Length);
                random.NextBytes(data.AsSpan(start, Math.Min(data.Length - start, random.Next(1, 64))));
                return data;
            case 4:
                for (var flips = random.Next(1, 8); flips > 0; flips--)
                {
                    data[random.Next(Math.Min(64, data.Length))] = (byte)random.Next(256);
                }
                return data;
            default:
                var at = random.Next(data.Length);
                var length = random.Next(1, Math.Min(512, data.Length - at) + 1);
                return [.. data[..at], .. data.AsSpan(at, length), .. data[at..]];
        }
    }
}
