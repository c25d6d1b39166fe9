using System.Buffers.Binary;
using System.Numerics;

namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of iSCSI and ext4. Chosen over CRC-32 because x86 (SSE 4.2) and ARMv8 compute it
/// in hardware, which <see cref="BitOperations.Crc32C(uint, ulong)"/> uses when available, and it detects all burst
/// errors up to 32 bits.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return ~crc;
    }
}
