namespace Matcher.Imaging.Wsq;

/// <summary>
/// Writes greyscale images as WSQ: the pixels are centred and scaled to about -128..128, split by the FBI 9/7 filters
/// over the 64-subband tree, quantised with the bin widths of <see cref="BitAllocation"/> and Huffman coded in three
/// blocks (subbands 0-18 with table 0, 19-51 and 52-59 with table 1). The overall quantiser step is searched so that
/// the whole file comes as close as it can to the wanted bits per pixel without exceeding it.
/// </summary>
internal static class WsqEncoder
{
    /// <summary>Written in the frame's encoder field: the structure of version 3.1 of the specification.</summary>
    private const byte EncoderNumber = 2;

    /// <summary>Bisection steps of the search for q, each a halving of its log range; 24 land within 1e-6 of the ratio.</summary>
    private const int SearchSteps = 24;

    public static byte[] Encode(GrayImage image, int ppi, double bitsPerPixel)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width > ushort.MaxValue || image.Height > ushort.MaxValue)
        {
            throw new ArgumentException($"WSQ images have at most {ushort.MaxValue} pixels a side; this one is {image.Width} x {image.Height}.", nameof(image));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ppi);
        if (!(bitsPerPixel > 0 && bitsPerPixel <= 8))
        {
            throw new ArgumentOutOfRangeException(nameof(bitsPerPixel), bitsPerPixel, "The bit rate must lie above 0 and at most 8 bits per pixel.");
        }
        var frame = Frame(image);
        var tree = SubbandTree.For(image.Width, image.Height);
        var filters = WaveletFilters.Standard;
        var plane = new float[image.Pixels.Length];
        for (var i = 0; i < plane.Length; i++)
        {
            plane[i] = (float)((image.Pixels[i] - frame.Shift) / frame.Scale);
        }
        new WaveletTransform(filters).Analyze(plane, image.Width, tree);
        var allocation = BitAllocation.From(plane, image.Width, tree);
        var comment = NistComment.Build(image.Width, image.Height, ppi, bitsPerPixel);
        byte[] Write(double q) => WriteFile(frame, filters, allocation.Table(q), plane, tree, comment);

        var budget = (long)(bitsPerPixel * image.Pixels.Length / 8);
        var coarse = allocation.CoarsestStep;
        var fine = Math.Max(coarse, allocation.FinestStep);
        var best = Write(coarse);
        if (best.Length > budget)
        {
            return best;
        }
        var finest = Write(fine);
        if (finest.Length <= budget)
        {
            return finest;
        }
        for (var step = 0; step < SearchSteps; step++)
        {
            var middle = Math.Sqrt(coarse * fine);
            var file = Write(middle);
            if (file.Length <= budget)
            {
                best = file;
                coarse = middle;
            }
            else
            {
                fine = middle;
            }
        }
        return best;
    }

    /// <summary>Shift M is the mean and scale R maps the farther extreme to 128, both as the header will carry them.</summary>
    private static WsqFrame Frame(GrayImage image)
    {
        long sum = 0;
        byte low = 255, high = 0;
        foreach (var pixel in image.Pixels)
        {
            sum += pixel;
            low = Math.Min(low, pixel);
            high = Math.Max(high, pixel);
        }
        var mean = Written((double)sum / image.Pixels.Length);
        var scale = Math.Max(mean - low, high - mean) / 128;
        return new WsqFrame(image.Width, image.Height, mean, scale > 0 ? Written(scale) : 1, 0, 255, EncoderNumber, 0);
    }

    private static double Written(double value)
    {
        var (scaled, exponent) = ScaledValue.FromDouble(value, ushort.MaxValue);
        return ScaledValue.ToDouble(scaled, exponent);
    }

    private static byte[] WriteFile(WsqFrame frame, WaveletFilters filters, QuantizationTable quantization, float[] plane, SubbandTree tree, byte[] comment)
    {
        var blocks = new List<CodedSymbol>[SubbandTree.BlockStarts.Length];
        for (var b = 0; b < blocks.Length; b++)
        {
            var end = b + 1 < SubbandTree.BlockStarts.Length ? SubbandTree.BlockStarts[b + 1] : SubbandTree.TransmittedSubbands;
            blocks[b] = CoefficientEncoder.Symbols(Quantize(plane, frame.Width, tree, quantization, SubbandTree.BlockStarts[b], end));
        }
        var writer = new WsqWriter();
        writer.Marker(WsqMarker.StartOfImage);
        writer.Marker(WsqMarker.Comment);
        writer.UInt16((ushort)(comment.Length + 2));
        writer.Bytes(comment);
        filters.Write(writer);
        quantization.Write(writer);
        frame.Write(writer);
        var tables = new[] { Table(blocks[..1]), Table(blocks[1..]) };
        for (var b = 0; b < blocks.Length; b++)
        {
            if (blocks[b].Count == 0)
            {
                continue;
            }
            var id = (byte)(b == 0 ? 0 : 1);
            if (b <= 1)
            {
                tables[id]!.Write(writer, id);
            }
            writer.Marker(WsqMarker.StartOfBlock);
            writer.UInt16(3);
            writer.Byte(id);
            CoefficientEncoder.Write(blocks[b], tables[id]!, new EntropyWriter(writer));
        }
        writer.Marker(WsqMarker.EndOfImage);
        return writer.ToArray();
    }

    /// <summary>The Huffman table for these blocks' symbols, or null when they have none.</summary>
    private static HuffmanTable? Table(List<CodedSymbol>[] blocks)
    {
        var frequencies = new long[256];
        foreach (var block in blocks)
        {
            CoefficientEncoder.Count(block, frequencies);
        }
        return frequencies.Any(f => f > 0) ? HuffmanTable.FromFrequencies(frequencies) : null;
    }

    /// <summary>The indices of the transmitted subbands first to end - 1, each row by row.</summary>
    private static int[] Quantize(float[] plane, int stride, SubbandTree tree, QuantizationTable quantization, int first, int end)
    {
        var transmitted = Enumerable.Range(first, end - first).Where(quantization.IsTransmitted).ToArray();
        var indices = new int[transmitted.Sum(k => tree.Subbands[k].Area)];
        var next = 0;
        foreach (var k in transmitted)
        {
            var band = tree.Subbands[k];
            for (var y = band.Y; y < band.Y + band.Height; y++)
            {
                foreach (var value in plane.AsSpan(y * stride + band.X, band.Width))
                {
                    indices[next++] = quantization.Quantize(value, k);
                }
            }
        }
        return indices;
    }
}
