using Google.Protobuf;
using Matcher.Face.Models.Rewriting;
using Matcher.Face.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Xunit;

namespace Matcher.Face.Tests.Models;

public sealed class PReluRewriteTests
{
    [Theory]
    [InlineData("fr_feature.onnx", 112)]
    [InlineData("fr_liveness.onnx", 128)]
    public void RewrittenDefaultModelsComputeTheSameOutputs(string file, int size)
    {
        TestEngine.RequireStrict();
        var original = File.ReadAllBytes(Path.Combine(TestEngine.ModelDirectory, file));

        var (rewritten, count) = PReluRewrite.Apply(original);

        Assert.InRange(count, 30, 33);
        var random = new Random(7);
        for (var trial = 0; trial < 3; trial++)
        {
            var input = Enumerable.Range(0, 3 * size * size).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var expected = Run(original, input, [1, 3, size, size]);
            var actual = Run(rewritten, input, [1, 3, size, size]);
            var scale = expected.Max(Math.Abs);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], 1e-4 * scale);
            }
        }
    }

    [Theory]
    [InlineData(new[] { 0.25f, -0.5f }, 1)]
    [InlineData(new[] { 0.25f, 1f }, 1)]
    [InlineData(new[] { 0.25f, 1.5f }, 0)]
    public void OnlyPReluWithEverySlopeAtMostOneIsRewrittenAndTheResultIsExact(float[] slopes, int expectedRewrites)
    {
        var model = TinyPReluModel(slopes);
        float[] input = [-3, -1, 0, 2, -4, -0.5f, 1, 5];

        var (rewritten, count) = PReluRewrite.Apply(model);

        Assert.Equal(expectedRewrites, count);
        Assert.Equal(expectedRewrites == 0, rewritten.SequenceEqual(model));
        float[] expected = [.. input[..4].Select(x => x >= 0 ? x : slopes[0] * x), .. input[4..].Select(x => x >= 0 ? x : slopes[1] * x)];
        Assert.Equal(expected, Run(rewritten, input, [1, 2, 2, 2]));
    }

    [Fact]
    public void BytesThatAreNoModelComeBackUnchanged()
    {
        var garbage = new byte[300];
        new Random(3).NextBytes(garbage);

        var (result, count) = PReluRewrite.Apply(garbage);

        Assert.Equal(0, count);
        Assert.Same(garbage, result);
    }

    private static float[] Run(byte[] model, float[] input, long[] shape)
    {
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [value], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>y = PRelu(x, slope) for x of shape [1,2,2,2] and one slope per channel, encoded by hand (onnx.proto field numbers).</summary>
    private static byte[] TinyPReluModel(float[] slopes)
    {
        var slopeBytes = slopes.SelectMany(BitConverter.GetBytes).ToArray();
        var slope = Message(Varint(1, 2), Varint(1, 1), Varint(1, 1), Varint(2, 1), Text(8, "slope"), Bytes(9, slopeBytes));
        var node = Message(Text(1, "x"), Text(1, "slope"), Text(2, "y"), Text(3, "activation"), Text(4, "PRelu"));
        var graph = Message(Bytes(1, node), Text(2, "tiny"), Bytes(5, slope), Bytes(11, ValueInfo("x")), Bytes(12, ValueInfo("y")));
        var opset = Message(Text(1, ""), Varint(2, 9));
        return Message(Varint(1, 7), Bytes(7, graph), Bytes(8, opset));
    }

    private static byte[] ValueInfo(string name)
    {
        var shape = Message([.. new long[] { 1, 2, 2, 2 }.Select(d => Bytes(1, Message(Varint(1, d))))]);
        var tensorType = Message(Varint(1, 1), Bytes(2, shape));
        return Message(Text(1, name), Bytes(2, Message(Bytes(1, tensorType))));
    }

    private static byte[] Message(params byte[][] fields) => [.. fields.SelectMany(f => f)];

    private static byte[] Varint(int field, long value) => Encode(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    });

    private static byte[] Text(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

    private static byte[] Bytes(int field, byte[] value) => Encode(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(value));
    });

    private static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }
}
