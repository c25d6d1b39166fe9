using System.IO.Hashing;

namespace Matcher.Population.Files;

/// <summary>CRC-32 (IEEE) of a header or record: catches torn writes and flipped bits, not tampering.</summary>
internal static class RecordChecksum
{
    public static uint Of(ReadOnlySpan<byte> bytes) => Crc32.HashToUInt32(bytes);

    /// <summary>The checksum of a record: its length prefix and its payload, so a damaged length is caught too.</summary>
    public static uint OfRecord(ReadOnlySpan<byte> lengthPrefix, ReadOnlySpan<byte> payload)
    {
        var crc = new Crc32();
        crc.Append(lengthPrefix);
        crc.Append(payload);
        return crc.GetCurrentHashAsUInt32();
    }
}
