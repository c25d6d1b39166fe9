using Google.Protobuf;

namespace Matcher.Face.Models.Rewriting;

/// <summary>
/// A protobuf message as its list of fields, each kept as the exact bytes it was encoded with, so a message can be
/// re-encoded with some fields replaced and every other field (including ones this code does not know) unchanged.
/// </summary>
internal sealed class ProtoFields
{
    private ProtoFields(List<ProtoField> fields) => Fields = fields;

    public List<ProtoField> Fields { get; }

    /// <exception cref="InvalidProtocolBufferException">The bytes are not a protobuf message.</exception>
    /// <exception cref="InvalidDataException">The message uses the deprecated group encoding.</exception>
    public static ProtoFields Parse(ReadOnlySpan<byte> message)
    {
        var fields = new List<ProtoField>();
        var input = new CodedInputStream(message.ToArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var start = (int)input.Position;
            var number = WireFormat.GetTagFieldNumber(tag);
            var type = WireFormat.GetTagWireType(tag);
            ByteString? payload = null;
            switch (type)
            {
                case WireFormat.WireType.LengthDelimited:
                    payload = input.ReadBytes();
                    break;
                case WireFormat.WireType.Varint or WireFormat.WireType.Fixed32 or WireFormat.WireType.Fixed64:
                    input.SkipLastField();
                    break;
                default:
                    throw new InvalidDataException($"Field {number} uses the deprecated group encoding.");
            }
            fields.Add(new ProtoField(number, tag, payload, message[start..(int)input.Position].ToArray()));
        }
        return new ProtoFields(fields);
    }

    public IEnumerable<ProtoField> Numbered(int number) => Fields.Where(f => f.Number == number);

    /// <summary>The UTF-8 strings of a repeated or single string field.</summary>
    public IEnumerable<string> Strings(int number) => Numbered(number).Where(f => f.Payload is not null).Select(f => f.Payload!.ToStringUtf8());

    public string String(int number) => Strings(number).LastOrDefault() ?? "";

    public long Varint(int number)
    {
        var field = Numbered(number).LastOrDefault(f => WireFormat.GetTagWireType(f.Tag) == WireFormat.WireType.Varint);
        return field is null ? 0 : new CodedInputStream(field.Value).ReadInt64();
    }

    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        foreach (var field in Fields)
        {
            var tag = new CodedOutputStream(buffer, leaveOpen: true);
            tag.WriteTag(field.Tag);
            tag.Flush();
            buffer.Write(field.Value);
        }
        return buffer.ToArray();
    }
}

/// <summary>One encoded field: its value bytes exactly as read (after the tag); Payload is set for length-delimited fields.</summary>
internal sealed record ProtoField(int Number, uint Tag, ByteString? Payload, byte[] Value)
{
    public static ProtoField Message(int number, byte[] message)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteBytes(ByteString.CopyFrom(message));
        output.Flush();
        return new ProtoField(number, WireFormat.MakeTag(number, WireFormat.WireType.LengthDelimited), ByteString.CopyFrom(message), buffer.ToArray());
    }

    public static ProtoField String(int number, string text) => Message(number, System.Text.Encoding.UTF8.GetBytes(text));
}
