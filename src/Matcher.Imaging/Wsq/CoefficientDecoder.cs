using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// Turns the coded data of the blocks into quantiser indices (Table A.2), in subband order. The blocks continue one stream;
/// each ends at the marker after its data, and together they must fill exactly the transmitted subbands.
/// </summary>
internal sealed class CoefficientDecoder(CoefficientPlane plane)
{
    /// <summary>Decodes the block whose coded data starts at <paramref name="start"/>; returns where its data ends.</summary>
    public int DecodeBlock(ReadOnlySpan<byte> file, int start, HuffmanTable table, int blockNumber)
    {
        var reader = new EntropyReader(file, start);
        while (!reader.AtEnd())
        {
            var peeked = reader.Peek16(out var available);
            var (symbol, length) = table.Decode(peeked);
            if (length > available)
            {
                throw ImageErrors.TruncatedInput(WsqReader.Format, $"the coded data of block {blockNumber} ends inside a Huffman code");
            }
            reader.Skip(length);
            switch (symbol)
            {
                case >= 1 and <= CoefficientSymbols.MaxShortRun:
                    Zeros(symbol, blockNumber);
                    break;
                case CoefficientSymbols.RunByte:
                    Zeros(reader.Bits(8, "a zero run length"), blockNumber);
                    break;
                case CoefficientSymbols.RunWord:
                    Zeros(reader.Bits(16, "a zero run length"), blockNumber);
                    break;
                case CoefficientSymbols.PositiveByte:
                    Store(reader.Bits(8, "a coefficient"), blockNumber);
                    break;
                case CoefficientSymbols.NegativeByte:
                    Store(-reader.Bits(8, "a coefficient"), blockNumber);
                    break;
                case CoefficientSymbols.PositiveWord:
                    Store(reader.Bits(16, "a coefficient"), blockNumber);
                    break;
                case CoefficientSymbols.NegativeWord:
                    Store(-reader.Bits(16, "a coefficient"), blockNumber);
                    break;
                case >= CoefficientSymbols.FirstDirect and <= CoefficientSymbols.LastDirect:
                    Store(symbol - CoefficientSymbols.DirectZero, blockNumber);
                    break;
                default:
                    throw ImageErrors.Corrupt(WsqReader.Format, $"block {blockNumber} holds symbol {symbol}, which Table A.2 does not define");
            }
        }
        if (!reader.EndedAtMarker)
        {
            throw ImageErrors.TruncatedInput(WsqReader.Format, $"the file ends inside the coded data of block {blockNumber}, before the end-of-image marker");
        }
        return reader.Position;
    }

    private void Zeros(int run, int blockNumber)
    {
        if (run > plane.Free)
        {
            throw Overrun(blockNumber);
        }
        plane.SkipZeros(run);
    }

    private void Store(int index, int blockNumber)
    {
        if (plane.Free == 0)
        {
            throw Overrun(blockNumber);
        }
        plane.Store(index);
    }

    private Exception Overrun(int blockNumber) =>
        ImageErrors.Corrupt(WsqReader.Format, $"block {blockNumber} codes more coefficients than the {plane.Capacity} its transmitted subbands hold");
}
