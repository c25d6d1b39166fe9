using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// FBI WSQ (IAFIS-IC-0110 v3.1) greyscale fingerprint images. The file is SOI, tables and the frame header, then blocks
/// of Huffman-coded quantiser indices (tables may change between blocks), then EOI. Decoding dequantises the indices
/// into their subbands, runs the wavelet synthesis and maps the values back to 8-bit grey with the frame's shift and
/// scale. Restart intervals and even-length filters, which no FBI encoder writes, are reported as unsupported.
/// </summary>
internal static class WsqDecoder
{
    private const string Format = WsqReader.Format;

    public static bool IsWsqMagic(ReadOnlySpan<byte> data) => data.Length >= 3 && data[0] == 0xFF && data[1] == 0xA0 && data[2] == 0xFF;

    public static DecodedImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        var reader = new WsqReader(data, "the file");
        ExpectStartOfImage(ref reader);
        var tables = new Tables();
        WsqFrame? frame = null;
        Decoding? decoding = null;
        var blocks = 0;
        while (true)
        {
            var at = reader.Position;
            var marker = reader.Marker();
            if (tables.TryRead(marker, ref reader, codingStarted: blocks > 0))
            {
                continue;
            }
            switch (marker)
            {
                case WsqMarker.StartOfFrame when frame is null:
                    frame = WsqFrame.Read(reader.Segment(marker));
                    ImageErrors.CheckDimensions(frame.Value.Width, frame.Value.Height, limits, Format);
                    break;
                case WsqMarker.StartOfBlock when frame is not null:
                    var selector = ReadBlockHeader(reader.Segment(marker));
                    var table = tables.Huffman[selector]
                        ?? throw ImageErrors.Corrupt(Format, $"block {blocks + 1} uses Huffman table {selector}, which no DHT segment defined before it");
                    decoding ??= Decoding.Start(frame.Value, tables);
                    blocks++;
                    reader.Position = decoding.Coefficients.DecodeBlock(data, reader.Position, table, blocks);
                    break;
                case WsqMarker.EndOfImage when decoding is not null:
                    return decoding.Finish(frame!.Value);
                case WsqMarker.StartOfFrame:
                    throw ImageErrors.Corrupt(Format, $"a second frame header (SOF) appears at offset {at}");
                case WsqMarker.StartOfBlock or WsqMarker.EndOfImage when frame is null:
                    throw ImageErrors.Corrupt(Format, $"{WsqMarker.Name(marker)} at offset {at} comes before the frame header");
                case WsqMarker.EndOfImage:
                    throw ImageErrors.Corrupt(Format, "the file ends (EOI) without any block of coded data");
                case WsqMarker.RestartInterval:
                    throw ImageErrors.Unsupported("WSQ restart intervals (DRI) are not supported; no FBI-certified encoder writes them");
                default:
                    throw ImageErrors.Corrupt(Format, $"marker {WsqMarker.Name(marker)} at offset {at} is not valid here");
            }
        }
    }

    /// <summary>
    /// The resolution a WSQ file states in its NIST_COM comment, scanning the segments before the coded data;
    /// null when it states none.
    /// </summary>
    public static int? ReadPpi(ReadOnlySpan<byte> data)
    {
        var reader = new WsqReader(data, "the file");
        ExpectStartOfImage(ref reader);
        while (true)
        {
            var marker = reader.Marker();
            if (marker is WsqMarker.StartOfBlock or WsqMarker.EndOfImage)
            {
                return null;
            }
            if (marker is < WsqMarker.StartOfImage or > WsqMarker.Comment)
            {
                throw ImageErrors.Corrupt(Format, $"marker {WsqMarker.Name(marker)} is not valid before the coded data");
            }
            var body = reader.Segment(marker);
            if (marker == WsqMarker.Comment && NistComment.IsNistComment(body))
            {
                return NistComment.Ppi(body);
            }
        }
    }

    private static void ExpectStartOfImage(ref WsqReader reader)
    {
        if (reader.Marker() != WsqMarker.StartOfImage)
        {
            throw ImageErrors.Corrupt(Format, "the file does not start with the SOI marker FFA0");
        }
    }

    private static int ReadBlockHeader(ReadOnlySpan<byte> body)
    {
        var reader = new WsqReader(body, "the SOB segment");
        var selector = reader.Byte();
        reader.ExpectEnd();
        if (selector >= HuffmanTable.MaxTables)
        {
            throw ImageErrors.Corrupt(Format, $"a block selects Huffman table {selector}; tables are numbered 0 to {HuffmanTable.MaxTables - 1}");
        }
        return selector;
    }

    /// <summary>The tables in force; each may be defined before the frame or between blocks.</summary>
    private sealed class Tables
    {
        public WaveletFilters? Filters { get; private set; }

        public QuantizationTable? Quantization { get; private set; }

        public HuffmanTable?[] Huffman { get; } = new HuffmanTable?[HuffmanTable.MaxTables];

        public bool TryRead(ushort marker, ref WsqReader reader, bool codingStarted)
        {
            switch (marker)
            {
                case WsqMarker.TransformTable or WsqMarker.QuantizationTable when codingStarted:
                    throw ImageErrors.Corrupt(Format, $"{WsqMarker.Name(marker)} is redefined after the coded data began");
                case WsqMarker.TransformTable:
                    Filters = WaveletFilters.Read(reader.Segment(marker));
                    return true;
                case WsqMarker.QuantizationTable:
                    Quantization = QuantizationTable.Read(reader.Segment(marker));
                    return true;
                case WsqMarker.HuffmanTable:
                    HuffmanTable.ReadSegment(reader.Segment(marker), Huffman);
                    return true;
                case WsqMarker.Comment:
                    reader.Segment(marker);
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The coefficient plane being filled, from the first block on.</summary>
    private sealed class Decoding(float[] plane, SubbandTree tree, WaveletFilters filters, CoefficientPlane placement)
    {
        public CoefficientDecoder Coefficients { get; } = new(placement);

        public static Decoding Start(WsqFrame frame, Tables tables)
        {
            var filters = tables.Filters ?? throw ImageErrors.Corrupt(Format, "the coded data begins before the transform table (DTT)");
            var quantization = tables.Quantization ?? throw ImageErrors.Corrupt(Format, "the coded data begins before the quantisation table (DQT)");
            var tree = SubbandTree.For(frame.Width, frame.Height);
            var plane = new float[frame.Width * frame.Height];
            return new Decoding(plane, tree, filters, new CoefficientPlane(plane, frame.Width, tree.Subbands, quantization));
        }

        public DecodedImage Finish(WsqFrame frame)
        {
            if (placement.Free > 0)
            {
                throw ImageErrors.TruncatedInput(Format, $"the coded data holds {placement.Count} of the {placement.Capacity} coefficients its transmitted subbands need");
            }
            new WaveletTransform(filters).Synthesize(plane, frame.Width, tree);
            return new DecodedImage(frame.Width, frame.Height, 1, ToPixels(plane, (float)frame.Scale, (float)frame.Shift));
        }

        /// <summary>pixel = value x R + M, rounded half up and clamped to 0..255 (NaN, which finite tables cannot give, to 0).</summary>
        private static byte[] ToPixels(float[] values, float scale, float shift)
        {
            var pixels = new byte[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i] * scale + shift;
                pixels[i] = value > 0 ? value < 255 ? (byte)(value + 0.5f) : (byte)255 : (byte)0;
            }
            return pixels;
        }
    }
}
