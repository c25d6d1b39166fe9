using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Tiff;

/// <summary>The entries of one image file directory (IFD): tag, field type, count and where the values are.</summary>
internal sealed class TiffDirectory
{
    private const int EntrySize = 12;

    private readonly Dictionary<ushort, Entry> _entries = [];

    private readonly record struct Entry(ushort Type, uint Count, long ValuePosition);

    public static TiffDirectory Read(TiffReader reader, long offset)
    {
        var directory = new TiffDirectory();
        if (offset < 8)
        {
            throw ImageErrors.Corrupt("TIFF", $"the first directory offset {offset} points into the header");
        }
        var count = reader.UInt16(offset);
        if (count == 0)
        {
            throw ImageErrors.Corrupt("TIFF", "the first image directory has no entries");
        }
        reader.Slice(offset + 2, (long)count * EntrySize);
        for (var i = 0; i < count; i++)
        {
            var position = offset + 2 + (long)i * EntrySize;
            var tag = reader.UInt16(position);
            var type = reader.UInt16(position + 2);
            var valueCount = reader.UInt32(position + 4);
            var size = TypeSize(type);
            if (size == 0)
            {
                continue; // unknown field types are skipped, as TIFF 6.0 asks readers to do
            }
            var byteCount = (long)size * valueCount;
            var valuePosition = byteCount <= 4 ? position + 8 : reader.UInt32(position + 8);
            directory._entries.TryAdd(tag, new Entry(type, valueCount, valuePosition));
        }
        return directory;
    }

    public bool Contains(ushort tag) => _entries.ContainsKey(tag);

    /// <summary>The first value of an integer field, or <paramref name="fallback"/> when the tag is absent.</summary>
    public uint Scalar(TiffReader reader, ushort tag, uint fallback)
    {
        if (!_entries.TryGetValue(tag, out var entry))
        {
            return fallback;
        }
        if (entry.Count == 0)
        {
            throw ImageErrors.Corrupt("TIFF", $"tag {tag} has no value");
        }
        return ReadValue(reader, entry, 0);
    }

    /// <summary>The first value of a required integer field.</summary>
    public uint Required(TiffReader reader, ushort tag, string name)
    {
        if (!_entries.ContainsKey(tag))
        {
            throw ImageErrors.Corrupt("TIFF", $"the required {name} tag ({tag}) is missing");
        }
        return Scalar(reader, tag, 0);
    }

    /// <summary>
    /// The first <paramref name="needed"/> values of an integer field, or null when the tag is absent. A field with
    /// fewer values is corrupt; extra values are ignored. Nothing is allocated until the values are known to be in the file.
    /// </summary>
    public uint[]? Array(TiffReader reader, ushort tag, int needed, string name)
    {
        if (!_entries.TryGetValue(tag, out var entry))
        {
            return null;
        }
        if (entry.Count < needed)
        {
            throw ImageErrors.Corrupt("TIFF", $"the {name} tag has {entry.Count} values but {needed} are needed");
        }
        reader.Slice(entry.ValuePosition, (long)TypeSize(entry.Type) * needed);
        var values = new uint[needed];
        for (var i = 0; i < needed; i++)
        {
            values[i] = ReadValue(reader, entry, i);
        }
        return values;
    }

    private static uint ReadValue(TiffReader reader, Entry entry, int index)
    {
        var size = TypeSize(entry.Type);
        var position = entry.ValuePosition + (long)index * size;
        return entry.Type switch
        {
            1 or 7 => reader.Slice(position, 1)[0], // BYTE, UNDEFINED
            3 => reader.UInt16(position), // SHORT
            4 or 13 => reader.UInt32(position), // LONG, IFD
            _ => throw ImageErrors.Corrupt("TIFF", $"an integer field has field type {entry.Type}"),
        };
    }

    private static int TypeSize(ushort type) => type switch
    {
        1 or 2 or 6 or 7 => 1, // BYTE, ASCII, SBYTE, UNDEFINED
        3 or 8 => 2, // SHORT, SSHORT
        4 or 9 or 11 or 13 => 4, // LONG, SLONG, FLOAT, IFD
        5 or 10 or 12 => 8, // RATIONAL, SRATIONAL, DOUBLE
        _ => 0,
    };
}
