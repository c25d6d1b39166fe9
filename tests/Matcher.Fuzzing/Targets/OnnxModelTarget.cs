using Google.Protobuf;
using Matcher.Face.Models.Rewriting;

namespace Matcher.Fuzzing.Targets;

/// <summary>
/// The ONNX model rewrite the face engine applies to a verified model before ONNX Runtime sees it. It must leave a
/// model it does not understand unchanged and never throw; a rewritten model parses again and has nothing left to
/// rewrite.
/// </summary>
internal sealed class OnnxModelTarget : FuzzTarget
{
    public override string Name => "onnx-model";

    public override string Description => "the ONNX model loader's protobuf rewrite (PRelu to Max and Mul)";

    public override FuzzOutcome Run(byte[] input)
    {
        var (model, rewritten) = PReluRewrite.Apply(input);
        if (rewritten == 0)
        {
            if (!ReferenceEquals(model, input))
            {
                throw new BrokenInvariantException("A model with nothing rewritten was changed.");
            }
            return FuzzOutcome.Refused;
        }
        ProtoFields.Parse(model);
        if (PReluRewrite.Apply(model).Rewritten != 0)
        {
            throw new BrokenInvariantException("A rewritten model still holds a PRelu node to rewrite.");
        }
        return FuzzOutcome.Accepted;
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("prelu-opset-13", Model(opset: 13, slope: 0.25f));
    }

    /// <summary>A one-node model, PRelu(x, slope) = y, with the slope as a float initializer.</summary>
    private static byte[] Model(int opset, float slope)
    {
        var slopeTensor = Message(output =>
        {
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteInt32(1);
            output.WriteTag(8, WireFormat.WireType.LengthDelimited);
            output.WriteString("slope");
            output.WriteTag(9, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(BitConverter.GetBytes(slope)));
        });
        var node = Message(output =>
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString("x");
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString("slope");
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteString("y");
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteString("prelu");
            output.WriteTag(4, WireFormat.WireType.LengthDelimited);
            output.WriteString("PRelu");
        });
        var graph = Message(output =>
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(node));
            output.WriteTag(5, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(slopeTensor));
        });
        var opsetImport = Message(output =>
        {
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteInt64(opset);
        });
        return Message(output =>
        {
            output.WriteTag(7, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(graph));
            output.WriteTag(8, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(opsetImport));
        });
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }
}
