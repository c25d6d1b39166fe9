using System.Buffers.Binary;
using System.IO.Compression;

namespace Matcher.Imaging.Tests.Support;

/// <summary>Writes small strip TIFFs for tests: any byte order, strip size, compression, predictor and sample layout.</summary>
internal sealed class TiffBuilder
{
    public required int Width { get; init; }
    public required int Height { get; init; }

    /// <summary>Decompressed samples, row-major, chunky; 16-bit samples as values (byte order applied when written).</summary>
    public required ushort[] Samples { get; init; }

    public bool BigEndian { get; init; }
    public int SamplesPerPixel { get; init; } = 1;
    public int BitsPerSample { get; init; } = 8;
    public int Photometric { get; init; } = 1;
    public int Compression { get; init; } = 1;
    public int Predictor { get; init; } = 1;
    public int RowsPerStrip { get; init; } = int.MaxValue;
    public int? Orientation { get; init; }
    public ushort[]? ColorMap { get; init; }
    public bool OmitStripByteCounts { get; init; }

    /// <summary>Extra SHORT tags (for example a resolution-like tag the decoder must ignore).</summary>
    public List<(ushort Tag, ushort Value)> ExtraTags { get; } = [];

    public static ushort[] Gradient(int width, int height, int channels, int max = 255, int seed = 1)
    {
        var random = new Random(seed);
        var samples = new ushort[width * height * channels];
        for (var i = 0; i < samples.Length; i++)
        {
            // Smooth structure plus noise, with repeated runs, so every codec has something to compress.
            var x = i / channels % width;
            var y = i / channels / width;
            var value = ((x * 7 + y * 3 + i % channels * 50) % 256) * max / 255;
            samples[i] = (ushort)(x % 11 < 4 ? value : Math.Min(max, value + random.Next(0, 3)));
        }
        return samples;
    }

    public byte[] Build()
    {
        var rowsPerStrip = Math.Min(RowsPerStrip, Height);
        var bytesPerSample = BitsPerSample / 8;
        var rowBytes = Width * SamplesPerPixel * bytesPerSample;
        var stripCount = (Height + rowsPerStrip - 1) / rowsPerStrip;

        using var file = new MemoryStream();
        file.Write(BigEndian ? "MM\0*"u8 : "II*\0"u8);
        file.Write(new byte[4]); // first IFD offset, patched below
        var offsets = new uint[stripCount];
        var counts = new uint[stripCount];
        for (var s = 0; s < stripCount; s++)
        {
            var rows = Math.Min(rowsPerStrip, Height - s * rowsPerStrip);
            var raw = new byte[rows * rowBytes];
            for (var i = 0; i < rows * Width * SamplesPerPixel; i++)
            {
                var value = Samples[s * rowsPerStrip * Width * SamplesPerPixel + i];
                if (bytesPerSample == 1)
                {
                    raw[i] = (byte)value;
                }
                else if (BigEndian)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan(2 * i), value);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(2 * i), value);
                }
            }
            if (Predictor == 2)
            {
                ApplyDifferencing(raw, rowBytes, bytesPerSample);
            }
            var encoded = Encode(raw);
            offsets[s] = (uint)file.Position;
            counts[s] = (uint)encoded.Length;
            file.Write(encoded);
            if (file.Position % 2 == 1)
            {
                file.WriteByte(0);
            }
        }

        var entries = new List<(ushort Tag, ushort Type, uint[] Values)>
        {
            (256, 4, [(uint)Width]),
            (257, 4, [(uint)Height]),
            (258, 3, Enumerable.Repeat((uint)BitsPerSample, SamplesPerPixel).ToArray()),
            (259, 3, [(uint)Compression]),
            (262, 3, [(uint)Photometric]),
            (273, 4, offsets),
            (277, 3, [(uint)SamplesPerPixel]),
            (278, 4, [(uint)rowsPerStrip]),
        };
        if (!OmitStripByteCounts)
        {
            entries.Add((279, 4, counts));
        }
        if (Predictor != 1)
        {
            entries.Add((317, 3, [(uint)Predictor]));
        }
        if (Orientation is { } orientation)
        {
            entries.Add((274, 3, [(uint)orientation]));
        }
        if (ColorMap is not null)
        {
            entries.Add((320, 3, ColorMap.Select(v => (uint)v).ToArray()));
        }
        entries.AddRange(ExtraTags.Select(t => (t.Tag, (ushort)3, new[] { (uint)t.Value })));
        entries.Sort((a, b) => a.Tag.CompareTo(b.Tag));

        var ifdOffset = (uint)file.Position;
        var valuesOffset = ifdOffset + 2 + 12 * (uint)entries.Count + 4;
        using var values = new MemoryStream();
        var ifd = new MemoryStream();
        WriteUInt16(ifd, (ushort)entries.Count);
        foreach (var (tag, type, items) in entries)
        {
            WriteUInt16(ifd, tag);
            WriteUInt16(ifd, type);
            WriteUInt32(ifd, (uint)items.Length);
            var size = type == 3 ? 2 : 4;
            var target = items.Length * size <= 4 ? ifd : values;
            if (target == values)
            {
                WriteUInt32(ifd, valuesOffset + (uint)values.Length);
            }
            foreach (var item in items)
            {
                if (size == 2)
                {
                    WriteUInt16(target, (ushort)item);
                }
                else
                {
                    WriteUInt32(target, item);
                }
            }
            if (target == ifd)
            {
                for (var pad = items.Length * size; pad < 4; pad++)
                {
                    ifd.WriteByte(0);
                }
            }
        }
        WriteUInt32(ifd, 0); // no next IFD
        file.Write(ifd.ToArray());
        file.Write(values.ToArray());
        var bytes = file.ToArray();
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), ifdOffset);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), ifdOffset);
        }
        return bytes;
    }

    private byte[] Encode(byte[] raw) => Compression switch
    {
        1 => raw,
        32773 => TestCodecs.PackBitsEncode(raw),
        5 => TestCodecs.LzwEncode(raw),
        8 or 32946 => TestCodecs.ZlibEncode(raw),
        _ => throw new NotSupportedException($"compression {Compression}"),
    };

    private void ApplyDifferencing(byte[] raw, int rowBytes, int bytesPerSample)
    {
        var stride = SamplesPerPixel;
        for (var start = 0; start < raw.Length; start += rowBytes)
        {
            var samplesPerRow = rowBytes / bytesPerSample;
            for (var i = samplesPerRow - 1; i >= stride; i--)
            {
                if (bytesPerSample == 1)
                {
                    raw[start + i] = (byte)(raw[start + i] - raw[start + i - stride]);
                }
                else
                {
                    var current = Read16(raw, start + 2 * i);
                    var left = Read16(raw, start + 2 * (i - stride));
                    Write16(raw, start + 2 * i, (ushort)(current - left));
                }
            }
        }
    }

    private ushort Read16(byte[] data, int offset) =>
        BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset)) : BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset));

    private void Write16(byte[] data, int offset, ushort value)
    {
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(offset), value);
        }
    }

    private void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer, value);
        }
        stream.Write(buffer);
    }

    private void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        }
        stream.Write(buffer);
    }
}

/// <summary>Reference encoders for the TIFF compressions, written from the TIFF 6.0 description.</summary>
internal static class TestCodecs
{
    public static byte[] ZlibEncode(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        return output.ToArray();
    }

    public static byte[] PackBitsEncode(byte[] raw)
    {
        var output = new List<byte>();
        var i = 0;
        while (i < raw.Length)
        {
            var run = 1;
            while (i + run < raw.Length && run < 128 && raw[i + run] == raw[i])
            {
                run++;
            }
            if (run >= 3)
            {
                output.Add((byte)(1 - run));
                output.Add(raw[i]);
                i += run;
                continue;
            }
            var start = i;
            var length = 0;
            while (i < raw.Length && length < 128
                && !(i + 2 < raw.Length && raw[i] == raw[i + 1] && raw[i] == raw[i + 2]))
            {
                i++;
                length++;
            }
            if (length == 0)
            {
                continue;
            }
            output.Add((byte)(length - 1));
            output.AddRange(raw.AsSpan(start, length).ToArray());
        }
        return output.ToArray();
    }

    /// <summary>TIFF LZW: MSB-first codes, Clear first, width grows when the next free code reaches 512, 1024, 2048.</summary>
    public static byte[] LzwEncode(byte[] raw)
    {
        var output = new List<byte>();
        int buffer = 0, bits = 0, width = 9, next = 258;
        var table = new Dictionary<(int, byte), int>();
        void Emit(int code)
        {
            buffer = (buffer << width) | code;
            bits += width;
            while (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }
        Emit(256);
        var current = -1;
        foreach (var b in raw)
        {
            if (current < 0)
            {
                current = b;
                continue;
            }
            if (table.TryGetValue((current, b), out var code))
            {
                current = code;
                continue;
            }
            Emit(current);
            table[(current, b)] = next++;
            if (next == 4094)
            {
                Emit(256);
                table.Clear();
                next = 258;
                width = 9;
            }
            else if (next == 1 << width)
            {
                width++;
            }
            current = b;
        }
        if (current >= 0)
        {
            Emit(current);
            next++;
            if (next == 1 << width && width < 12)
            {
                width++;
            }
        }
        Emit(257);
        if (bits > 0)
        {
            output.Add((byte)(buffer << (8 - bits)));
        }
        return output.ToArray();
    }
}
