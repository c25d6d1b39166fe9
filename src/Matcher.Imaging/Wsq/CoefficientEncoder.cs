namespace Matcher.Imaging.Wsq;

/// <summary>One Table A.2 symbol and the raw bits that follow it (an escaped coefficient or run length).</summary>
internal readonly record struct CodedSymbol(byte Symbol, ushort Extra, byte ExtraBits);

/// <summary>The encoder's side of Table A.2: a block's quantiser indices as symbols, and the symbols as coded data.</summary>
internal static class CoefficientEncoder
{
    public static List<CodedSymbol> Symbols(ReadOnlySpan<int> indices)
    {
        var symbols = new List<CodedSymbol>(indices.Length / 4);
        var run = 0;
        foreach (var index in indices)
        {
            if (index == 0)
            {
                run++;
                continue;
            }
            AddRun(symbols, run);
            run = 0;
            AddIndex(symbols, index);
        }
        AddRun(symbols, run);
        return symbols;
    }

    public static void Count(List<CodedSymbol> symbols, long[] frequencies)
    {
        foreach (var symbol in symbols)
        {
            frequencies[symbol.Symbol]++;
        }
    }

    public static void Write(List<CodedSymbol> symbols, HuffmanTable table, EntropyWriter writer)
    {
        foreach (var symbol in symbols)
        {
            writer.Write(table.Codes[symbol.Symbol], table.CodeLengths[symbol.Symbol]);
            if (symbol.ExtraBits > 0)
            {
                writer.Write(symbol.Extra, symbol.ExtraBits);
            }
        }
        writer.Flush();
    }

    private static void AddRun(List<CodedSymbol> symbols, int run)
    {
        while (run > 0)
        {
            var part = Math.Min(run, ushort.MaxValue);
            symbols.Add(part switch
            {
                <= CoefficientSymbols.MaxShortRun => new CodedSymbol((byte)part, 0, 0),
                <= byte.MaxValue => new CodedSymbol(CoefficientSymbols.RunByte, (ushort)part, 8),
                _ => new CodedSymbol(CoefficientSymbols.RunWord, (ushort)part, 16),
            });
            run -= part;
        }
    }

    private static void AddIndex(List<CodedSymbol> symbols, int index)
    {
        var magnitude = (ushort)Math.Abs(index);
        symbols.Add(index switch
        {
            >= CoefficientSymbols.MinDirectIndex and <= CoefficientSymbols.MaxDirectIndex =>
                new CodedSymbol((byte)(CoefficientSymbols.DirectZero + index), 0, 0),
            > 0 and <= byte.MaxValue => new CodedSymbol(CoefficientSymbols.PositiveByte, magnitude, 8),
            < 0 and >= -byte.MaxValue => new CodedSymbol(CoefficientSymbols.NegativeByte, magnitude, 8),
            > 0 => new CodedSymbol(CoefficientSymbols.PositiveWord, magnitude, 16),
            _ => new CodedSymbol(CoefficientSymbols.NegativeWord, magnitude, 16),
        });
    }
}
