using System.Buffers.Binary;

namespace Matcher.Imaging.Tests.Support;

/// <summary>
/// A WSQ file as its list of markers, segment bodies and the coded data that follows each block header, so that tests
/// can change one part and put the file back together.
/// </summary>
internal sealed class WsqSegments
{
    public const ushort Soi = 0xFFA0, Eoi = 0xFFA1, Sof = 0xFFA2, Sob = 0xFFA3, Dtt = 0xFFA4, Dqt = 0xFFA5, Dht = 0xFFA6, Dri = 0xFFA7, Com = 0xFFA8;

    public List<Segment> Parts { get; } = [];

    /// <summary>A small smooth test pattern encoded by Matcher's encoder.</summary>
    public static byte[] SmallImage(int width = 48, int height = 40, int ppi = 500)
    {
        var pixels = new byte[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var (x, y) = (i % width, i / width);
            pixels[i] = (byte)(128 + 90 * Math.Sin(x * 0.7 + y * 0.2) * Math.Cos(y * 0.45));
        }
        return ImageEncoder.EncodeWsq(new GrayImage(width, height, pixels), ppi, 2);
    }

    public static WsqSegments Parse(byte[] file)
    {
        var result = new WsqSegments();
        var position = 0;
        while (position < file.Length)
        {
            var marker = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(position));
            position += 2;
            if (marker is Soi or Eoi)
            {
                result.Parts.Add(new Segment(marker, null, []));
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(position));
            var body = file[(position + 2)..(position + length)];
            position += length;
            var dataStart = position;
            if (marker == Sob)
            {
                while (!(file[position] == 0xFF && file[position + 1] != 0x00))
                {
                    position += file[position] == 0xFF ? 2 : 1;
                }
            }
            result.Parts.Add(new Segment(marker, body, file[dataStart..position]));
        }
        return result;
    }

    public Segment First(ushort marker) => Parts.First(p => p.Marker == marker);

    public byte[] ToBytes()
    {
        var output = new List<byte>();
        foreach (var part in Parts)
        {
            output.Add((byte)(part.Marker >> 8));
            output.Add((byte)part.Marker);
            if (part.Body is { } body)
            {
                output.Add((byte)((body.Length + 2) >> 8));
                output.Add((byte)(body.Length + 2));
                output.AddRange(body);
            }
            output.AddRange(part.Data);
        }
        return output.ToArray();
    }

    internal sealed record Segment(ushort Marker, byte[]? Body, byte[] Data)
    {
        public byte[]? Body { get; set; } = Body;
    }
}
