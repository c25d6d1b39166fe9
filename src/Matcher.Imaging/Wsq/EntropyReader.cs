using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// Reads the Huffman-coded data of one block, first bit highest. A 0xFF data byte is followed by a stuffed 0x00; any
/// other byte after 0xFF starts the marker that ends the block, and the reader stops there. The encoder pads the last
/// byte with 1 bits.
/// </summary>
internal ref struct EntropyReader(ReadOnlySpan<byte> data, int start)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private ulong _bits;
    private int _count;
    private bool _ended;

    /// <summary>Where the reader stopped: the 0xFF of the marker that ends the block (or the end of the file).</summary>
    public int Position { get; private set; } = start;

    /// <summary>True when the coded data stopped at a marker, false when the file simply ran out.</summary>
    public readonly bool EndedAtMarker => Position < _data.Length;

    /// <summary>
    /// True when nothing but padding is left: fewer than 8 bits, all ones, before the marker (or no bits at all).
    /// </summary>
    public bool AtEnd()
    {
        Fill();
        if (_count >= 8 || !_ended)
        {
            return false;
        }
        var mask = _count == 0 ? 0UL : ulong.MaxValue << (64 - _count);
        return (_bits & mask) == mask;
    }

    /// <summary>The next 16 bits, padded with ones past the end; <paramref name="available"/> says how many are real.</summary>
    public int Peek16(out int available)
    {
        Fill();
        available = _count;
        var padded = _count >= 16 ? _bits : _bits | (ulong.MaxValue >> _count);
        return (int)(padded >> 48);
    }

    public void Skip(int count)
    {
        _bits <<= count;
        _count -= count;
    }

    /// <summary>The next <paramref name="count"/> bits (at most 16) as an unsigned number.</summary>
    public int Bits(int count, string what)
    {
        Fill();
        if (_count < count)
        {
            throw ImageErrors.TruncatedInput(WsqReader.Format, $"the coded data ends inside {what}");
        }
        var value = (int)(_bits >> (64 - count));
        Skip(count);
        return value;
    }

    private void Fill()
    {
        while (_count <= 56 && !_ended)
        {
            if (Position >= _data.Length)
            {
                _ended = true;
                return;
            }
            var value = _data[Position];
            if (value == 0xFF)
            {
                if (Position + 1 >= _data.Length || _data[Position + 1] != 0x00)
                {
                    _ended = true;
                    return;
                }
                Position++;
            }
            Position++;
            _bits |= (ulong)value << (56 - _count);
            _count += 8;
        }
    }
}
