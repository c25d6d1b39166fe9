using Matcher.Imaging.Wsq;
using Xunit;

namespace Matcher.Imaging.Tests.Wsq;

/// <summary>The Huffman tables and the Table A.2 symbols, encoder against decoder.</summary>
public sealed class CoefficientCodingTests
{
    [Fact]
    public void Skewed_frequencies_get_codes_of_at_most_16_bits_and_leave_the_all_ones_code_unused()
    {
        // Fibonacci weights make an unlimited Huffman code as deep as there are symbols.
        var frequencies = new long[256];
        long a = 1, b = 1;
        for (var s = 1; s <= 40; s++)
        {
            frequencies[s] = a;
            (a, b) = (b, a + b);
        }

        var table = HuffmanTable.FromFrequencies(frequencies);

        Assert.Equal(40, table.Values.Length);
        Assert.All(Enumerable.Range(1, 40), s => Assert.InRange(table.CodeLengths[s], 1, 16));
        var kraft = Enumerable.Range(1, 40).Sum(s => Math.Pow(2, -table.CodeLengths[s]));
        Assert.True(kraft < 1, $"Kraft sum {kraft}: the all-ones code is taken");
        Assert.True(table.CodeLengths[40] <= table.CodeLengths[1], "the most frequent symbol has a longer code than the rarest");
    }

    [Fact]
    public void A_single_symbol_gets_a_one_bit_code()
    {
        var frequencies = new long[256];
        frequencies[180] = 12;

        var table = HuffmanTable.FromFrequencies(frequencies);

        Assert.Equal((1, 0), (table.CodeLengths[180], table.Codes[180]));
    }

    [Fact]
    public void Every_kind_of_symbol_survives_encoding_and_decoding()
    {
        int[] indices =
        [
            1, -1, 74, -73, 75, -74, 255, -255, 256, -256, 65535, -65535,
            .. new int[100], 3, .. new int[101], -3, .. new int[255], 9, .. new int[256], -9, .. new int[70000], 2,
        ];
        var random = new Random(3);
        indices = [.. indices, .. Enumerable.Range(0, 5000).Select(_ => random.Next(8) == 0 ? random.Next(-300, 300) : 0)];

        Assert.Equal(indices, RoundTrip(indices));
    }

    [Fact]
    public void Blocks_continue_one_stream()
    {
        var first = new[] { 5, 0, 0, -7 };
        var second = new[] { 0, 0, 0, 300, 1 };

        var decoded = RoundTrip(first, second);

        Assert.Equal(first.Concat(second), decoded);
    }

    /// <summary>Codes each block with its own table into a minimal stream and decodes it into one transmitted subband.</summary>
    private static int[] RoundTrip(params int[][] blocks)
    {
        var writer = new WsqWriter();
        var starts = new List<int>();
        var tables = new List<HuffmanTable>();
        foreach (var block in blocks)
        {
            var symbols = CoefficientEncoder.Symbols(block);
            var frequencies = new long[256];
            CoefficientEncoder.Count(symbols, frequencies);
            var table = HuffmanTable.FromFrequencies(frequencies);
            starts.Add(writer.Length);
            CoefficientEncoder.Write(symbols, table, new EntropyWriter(writer));
            writer.Marker(WsqMarker.EndOfImage);
            tables.Add(table);
        }
        var data = writer.ToArray();
        var total = blocks.Sum(b => b.Length);
        var plane = new float[total];
        var widths = new double[64];
        widths[0] = 1;
        var quantization = new QuantizationTable(0, widths, new double[64]);
        var subbands = new Band[64];
        subbands[0] = new Band(0, 0, total, 1);
        var placement = new CoefficientPlane(plane, total, subbands, quantization);
        var decoder = new CoefficientDecoder(placement);
        for (var b = 0; b < blocks.Length; b++)
        {
            var end = decoder.DecodeBlock(data, starts[b], tables[b], b + 1);
            Assert.Equal(0xFF, data[end]);
        }
        Assert.Equal(0, placement.Free);
        return plane.Select(v => (int)v).ToArray();
    }
}
