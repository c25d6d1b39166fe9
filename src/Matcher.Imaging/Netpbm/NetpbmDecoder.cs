using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Netpbm;

/// <summary>
/// Netpbm greyscale (PGM: P2 plain, P5 raw) and colour (PPM: P3 plain, P6 raw) images with any maxval from 1 to 65535;
/// samples are scaled to 0..255. Raw 16-bit samples are big-endian, as the Netpbm specification says.
/// </summary>
internal static class NetpbmDecoder
{
    public static bool IsWhitespace(byte value) => value is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;

    public static DecodedImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        var kind = (char)data[1];
        var format = kind is '2' or '5' ? "PGM" : "PPM";
        var channels = kind is '2' or '5' ? 1 : 3;
        var plain = kind is '2' or '3';
        var position = 2;
        var width = ReadHeaderNumber(data, ref position, format, "width");
        var height = ReadHeaderNumber(data, ref position, format, "height");
        ImageErrors.CheckDimensions(width, height, limits, format);
        var maxValue = ReadHeaderNumber(data, ref position, format, "maxval");
        if (maxValue is < 1 or > 65535)
        {
            throw ImageErrors.Corrupt(format, $"maxval is {maxValue}; it must be between 1 and 65535");
        }
        if (width * height * channels > Array.MaxLength)
        {
            throw ImageErrors.TooManyPixels(width, height, Array.MaxLength / channels);
        }
        var sampleCount = (int)(width * height * channels);
        var pixels = plain
            ? ReadPlain(data, position, sampleCount, (int)maxValue, format)
            : ReadRaw(data, position + 1, sampleCount, (int)maxValue, format); // exactly one whitespace byte ends a raw header
        return new DecodedImage((int)width, (int)height, channels, pixels);
    }

    private static byte[] ReadRaw(ReadOnlySpan<byte> data, int start, int sampleCount, int maxValue, string format)
    {
        var bytesPerSample = maxValue > 255 ? 2 : 1;
        var needed = (long)sampleCount * bytesPerSample;
        if (start > data.Length || data.Length - start < needed)
        {
            throw ImageErrors.TruncatedInput(format, $"the pixels need {needed} bytes but {Math.Max(0, data.Length - start)} follow the header");
        }
        var body = data.Slice(start, (int)needed);
        var pixels = new byte[sampleCount];
        for (var i = 0; i < sampleCount; i++)
        {
            var value = bytesPerSample == 1 ? body[i] : (body[2 * i] << 8) | body[2 * i + 1];
            pixels[i] = Scale(value, maxValue, format);
        }
        return pixels;
    }

    private static byte[] ReadPlain(ReadOnlySpan<byte> data, int position, int sampleCount, int maxValue, string format)
    {
        // Each plain sample takes at least two bytes (a digit and a separator), except possibly the last one.
        if ((long)sampleCount * 2 - 1 > data.Length - position)
        {
            throw ImageErrors.TruncatedInput(format, $"{sampleCount} plain-text samples cannot fit in {data.Length - position} bytes");
        }
        var pixels = new byte[sampleCount];
        for (var i = 0; i < sampleCount; i++)
        {
            SkipWhitespaceAndComments(data, ref position);
            if (position >= data.Length)
            {
                throw ImageErrors.TruncatedInput(format, $"only {i} of {sampleCount} samples are present");
            }
            var value = ReadDigits(data, ref position, format, "sample");
            pixels[i] = Scale(value, maxValue, format);
        }
        return pixels;
    }

    private static byte Scale(long value, int maxValue, string format)
    {
        if (value > maxValue)
        {
            throw ImageErrors.Corrupt(format, $"a sample is {value}, above maxval {maxValue}");
        }
        return maxValue == 255 ? (byte)value : (byte)((value * 255 + maxValue / 2) / maxValue);
    }

    private static long ReadHeaderNumber(ReadOnlySpan<byte> data, ref int position, string format, string field)
    {
        SkipWhitespaceAndComments(data, ref position);
        if (position >= data.Length)
        {
            throw ImageErrors.TruncatedInput(format, $"the header ends before the {field}");
        }
        return ReadDigits(data, ref position, format, field);
    }

    private static long ReadDigits(ReadOnlySpan<byte> data, ref int position, string format, string field)
    {
        long value = 0;
        var start = position;
        while (position < data.Length && data[position] is >= (byte)'0' and <= (byte)'9')
        {
            value = value * 10 + (data[position++] - '0');
            if (value > int.MaxValue)
            {
                throw ImageErrors.Corrupt(format, $"the {field} has too many digits");
            }
        }
        if (position == start)
        {
            throw ImageErrors.Corrupt(format, $"the {field} is not a decimal number");
        }
        if (position < data.Length && !IsWhitespace(data[position]) && data[position] != '#')
        {
            throw ImageErrors.Corrupt(format, $"the {field} is followed by an unexpected byte 0x{data[position]:X2}");
        }
        return value;
    }

    private static void SkipWhitespaceAndComments(ReadOnlySpan<byte> data, ref int position)
    {
        while (position < data.Length)
        {
            if (data[position] == '#')
            {
                while (position < data.Length && data[position] != '\n' && data[position] != '\r')
                {
                    position++;
                }
            }
            else if (IsWhitespace(data[position]))
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }
}
