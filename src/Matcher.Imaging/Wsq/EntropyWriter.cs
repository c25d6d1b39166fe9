namespace Matcher.Imaging.Wsq;

/// <summary>Writes coded data first bit highest, stuffing 0x00 after every 0xFF byte and padding the end with 1 bits.</summary>
internal sealed class EntropyWriter(WsqWriter output)
{
    private ulong _bits;
    private int _count;

    public void Write(int value, int length)
    {
        _bits = (_bits << length) | ((uint)value & ((1u << length) - 1));
        _count += length;
        while (_count >= 8)
        {
            _count -= 8;
            var next = (byte)(_bits >> _count);
            output.Byte(next);
            if (next == 0xFF)
            {
                output.Byte(0);
            }
        }
        _bits &= (1UL << _count) - 1;
    }

    public void Flush()
    {
        if (_count > 0)
        {
            Write((1 << (8 - _count)) - 1, 8 - _count);
        }
    }
}
