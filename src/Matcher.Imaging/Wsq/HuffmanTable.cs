using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// One Huffman table (DHT): how many codes each length from 1 to 16 bits has, and the symbols in code order.
/// Codes are canonical, as in JPEG: consecutive integers within a length, doubled on each step to the next length.
/// Decoding looks up the first <see cref="FastBits"/> bits in one table and walks the longer lengths.
/// </summary>
internal sealed class HuffmanTable
{
    public const int MaxCodeLength = 16;

    /// <summary>Tables are numbered 0 to 7.</summary>
    public const int MaxTables = 8;

    private const int FastBits = 9;

    private readonly int[] _maxCode = new int[MaxCodeLength + 1];
    private readonly int[] _valueOffset = new int[MaxCodeLength + 1];

    /// <summary>Per 9-bit prefix: code length in the high byte and symbol in the low byte, or 0 for a longer code.</summary>
    private readonly ushort[] _fast = new ushort[1 << FastBits];

    private HuffmanTable(byte[] counts, byte[] values)
    {
        Counts = counts;
        Values = values;
        CodeLengths = new byte[256];
        Codes = new ushort[256];
        var code = 0;
        var index = 0;
        for (var length = 1; length <= MaxCodeLength; length++)
        {
            _maxCode[length] = -1;
            _valueOffset[length] = index - code;
            for (var i = 0; i < counts[length - 1]; i++, index++, code++)
            {
                // Checked before the code is used: an over-full length would index past the lookup table.
                if (code >= 1 << length)
                {
                    throw ImageErrors.Corrupt(WsqReader.Format, $"a Huffman table has more codes than {length} bits can hold");
                }
                var symbol = values[index];
                CodeLengths[symbol] = (byte)length;
                Codes[symbol] = (ushort)code;
                if (length <= FastBits)
                {
                    var first = code << (FastBits - length);
                    _fast.AsSpan(first, 1 << (FastBits - length)).Fill((ushort)((length << 8) | symbol));
                }
            }
            if (counts[length - 1] > 0)
            {
                _maxCode[length] = code - 1;
            }
            code <<= 1;
        }
    }

    /// <summary>Codes per length: Counts[l - 1] codes are l bits long.</summary>
    public byte[] Counts { get; }

    /// <summary>The symbols in code order.</summary>
    public byte[] Values { get; }

    /// <summary>Per symbol, the length of its code (0 when the symbol has none).</summary>
    public byte[] CodeLengths { get; }

    /// <summary>Per symbol, its code in the low <see cref="CodeLengths"/> bits.</summary>
    public ushort[] Codes { get; }

    /// <summary>Reads every table of a DHT segment into <paramref name="tables"/>; a later table replaces one of the same id.</summary>
    public static void ReadSegment(ReadOnlySpan<byte> body, HuffmanTable?[] tables)
    {
        var reader = new WsqReader(body, "the DHT segment");
        if (reader.Remaining == 0)
        {
            throw ImageErrors.Corrupt(WsqReader.Format, "a DHT segment holds no table");
        }
        while (reader.Remaining > 0)
        {
            var id = reader.Byte();
            if (id >= MaxTables)
            {
                throw ImageErrors.Corrupt(WsqReader.Format, $"a Huffman table has id {id}; ids run from 0 to {MaxTables - 1}");
            }
            var counts = reader.Take(MaxCodeLength).ToArray();
            var total = counts.Sum(c => c);
            if (total is 0 or > 256)
            {
                throw ImageErrors.Corrupt(WsqReader.Format, $"Huffman table {id} declares {total} codes; a table has 1 to 256");
            }
            tables[id] = new HuffmanTable(counts, reader.Take(total).ToArray());
        }
    }

    public void Write(WsqWriter writer, byte id)
    {
        writer.Marker(WsqMarker.HuffmanTable);
        writer.UInt16((ushort)(2 + 1 + MaxCodeLength + Values.Length));
        writer.Byte(id);
        writer.Bytes(Counts);
        writer.Bytes(Values);
    }

    /// <summary>
    /// Decodes one symbol from the top bits of <paramref name="peeked"/> (16 bits, first bit highest); returns the
    /// symbol and its code length, or throws when no code of up to 16 bits matches.
    /// </summary>
    public (int Symbol, int Length) Decode(int peeked)
    {
        var fast = _fast[peeked >> (MaxCodeLength - FastBits)];
        if (fast != 0)
        {
            return (fast & 0xFF, fast >> 8);
        }
        for (var length = FastBits + 1; length <= MaxCodeLength; length++)
        {
            var code = peeked >> (MaxCodeLength - length);
            if (code <= _maxCode[length])
            {
                return (Values[_valueOffset[length] + code], length);
            }
        }
        throw ImageErrors.Corrupt(WsqReader.Format, "the coded data holds a bit pattern that is no code of its Huffman table");
    }

    /// <summary>
    /// The table for these symbol counts: Huffman code lengths limited to 16 bits, with the all-ones code of the
    /// longest length left unused as the specification requires (it would be confused with the 1-bit padding).
    /// </summary>
    public static HuffmanTable FromFrequencies(long[] frequencies)
    {
        var symbols = new List<int>();
        for (var s = 0; s < frequencies.Length; s++)
        {
            if (frequencies[s] > 0)
            {
                symbols.Add(s);
            }
        }
        if (symbols.Count == 0)
        {
            throw new ArgumentException("A Huffman table needs at least one symbol that occurs.", nameof(frequencies));
        }
        var lengthCounts = CodeLengthCounts(symbols.Select(s => frequencies[s]).Append(0).ToArray());
        LimitLengths(lengthCounts);
        // The reserved code is the last (all ones) of the longest length.
        var longest = Array.FindLastIndex(lengthCounts, c => c > 0);
        lengthCounts[longest]--;
        var ordered = symbols.OrderByDescending(s => frequencies[s]).ThenBy(s => s).ToArray();
        var counts = new byte[MaxCodeLength];
        for (var length = 1; length <= MaxCodeLength; length++)
        {
            counts[length - 1] = (byte)lengthCounts[length];
        }
        return new HuffmanTable(counts, ordered.Select(s => (byte)s).ToArray());
    }

    /// <summary>Counts per code length of an optimal prefix code for these weights (the last one is the reserved code).</summary>
    private static int[] CodeLengthCounts(long[] weights)
    {
        // The reserved pseudo-symbol weighs less than every real one, so it ends up among the longest codes.
        var queue = new PriorityQueue<int, (long Weight, int Order)>();
        var parent = new List<int>();
        for (var i = 0; i < weights.Length; i++)
        {
            parent.Add(-1);
            queue.Enqueue(i, (i == weights.Length - 1 ? 0 : weights[i], i == weights.Length - 1 ? -1 : i));
        }
        var order = weights.Length;
        while (queue.Count > 1)
        {
            queue.TryDequeue(out var a, out var wa);
            queue.TryDequeue(out var b, out var wb);
            var node = parent.Count;
            parent.Add(-1);
            parent[a] = node;
            parent[b] = node;
            queue.Enqueue(node, (wa.Weight + wb.Weight, order++));
        }
        var counts = new int[Math.Max(MaxCodeLength + 1, weights.Length + 1)];
        for (var leaf = 0; leaf < weights.Length; leaf++)
        {
            var depth = 0;
            for (var n = leaf; parent[n] >= 0; n = parent[n])
            {
                depth++;
            }
            counts[depth]++;
        }
        return counts;
    }

    /// <summary>
    /// Moves codes longer than 16 bits up the tree, keeping the code complete: two codes of the longest length become
    /// one a bit shorter, and a shorter leaf becomes a node with two children (JPEG Annex K.3 describes the same step).
    /// </summary>
    private static void LimitLengths(int[] counts)
    {
        for (var length = counts.Length - 1; length > MaxCodeLength; length--)
        {
            while (counts[length] > 0)
            {
                var shorter = length - 2;
                while (counts[shorter] == 0)
                {
                    shorter--;
                }
                counts[length] -= 2;
                counts[length - 1]++;
                counts[shorter + 1] += 2;
                counts[shorter]--;
            }
        }
    }
}
