using System.Buffers;
using System.Security.Cryptography;
using Matcher.Sealing.Keys;

namespace Matcher.Sealing;

/// <summary>
/// Seals records with AES-256-GCM under one data key. A sealed record is nonce (12 bytes) | ciphertext | tag (16
/// bytes). The associated data is the data key's id followed by the caller's context, the record's identity (for
/// example its log sequence and type), so a record copied to another place, another directory or another key fails
/// to open. Nonces are random: with 96 random bits the chance that two of n records share one is below n²/2⁹⁷, which
/// stays under the 2⁻³² that NIST SP 800-38D allows for up to 2³² records per data key. A counter would need state
/// that survives crashes and torn writes (a truncated record's sequence is written again with other bytes), so the
/// random nonce is the safer choice here. Thread-safe: each thread gets its own cipher.
/// </summary>
public sealed class RecordSealer : IDisposable
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = NonceSize + TagSize;
    public const int KeyIdSize = 16;

    /// <summary>Context up to this length is assembled on the stack; longer context (long Redis ids) uses a pooled buffer.</summary>
    private const int StackContextBytes = 512;

    /// <summary>Nonces drawn per call to the system's random source: one call per nonce made sealing three to five times slower than opening.</summary>
    private const int NoncesPerDraw = 256;

    private readonly byte[] keyId;
    private readonly ThreadLocal<AesGcm> ciphers;
    private readonly ThreadLocal<NonceSource> nonces = new(() => new NonceSource());

    internal RecordSealer(ReadOnlySpan<byte> keyId, byte[] key)
    {
        if (keyId.Length != KeyIdSize || key.Length != DataKey.SizeInBytes)
        {
            throw new ArgumentException($"A data key is {DataKey.SizeInBytes} bytes with a {KeyIdSize}-byte id.");
        }
        this.keyId = keyId.ToArray();
        ciphers = new ThreadLocal<AesGcm>(() => new AesGcm(key, TagSize), trackAllValues: true);
        KeyId = Convert.ToHexStringLower(keyId);
    }

    /// <summary>The data key's id in hexadecimal, for messages.</summary>
    public string KeyId { get; }

    public static int SealedLength(int plaintextLength) => plaintextLength + Overhead;

    /// <summary>Seals <paramref name="plaintext"/> into <paramref name="destination"/>, which holds exactly <see cref="SealedLength"/> bytes.</summary>
    public void Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context, Span<byte> destination)
    {
        if (destination.Length != SealedLength(plaintext.Length))
        {
            throw new ArgumentException($"A sealed record of {plaintext.Length} bytes takes {SealedLength(plaintext.Length)} bytes.", nameof(destination));
        }
        var nonce = destination[..NonceSize];
        nonces.Value!.Next(nonce);
        var ciphertext = destination.Slice(NonceSize, plaintext.Length);
        var tag = destination[(NonceSize + plaintext.Length)..];
        byte[]? rented = null;
        try
        {
            ciphers.Value!.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(context, stackalloc byte[StackContextBytes], ref rented));
        }
        finally
        {
            Return(rented);
        }
    }

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        var sealedRecord = new byte[SealedLength(plaintext.Length)];
        Seal(plaintext, context, sealedRecord);
        return sealedRecord;
    }

    /// <summary>
    /// Opens a sealed record into <paramref name="destination"/> (exactly <see cref="RecordSealer.Overhead"/> bytes
    /// shorter); false when it was changed, sealed with another key, or sealed for another context.
    /// </summary>
    public bool TryOpen(ReadOnlySpan<byte> sealedRecord, ReadOnlySpan<byte> context, Span<byte> destination)
    {
        if (sealedRecord.Length < Overhead || destination.Length != sealedRecord.Length - Overhead)
        {
            return false;
        }
        var nonce = sealedRecord[..NonceSize];
        var ciphertext = sealedRecord[NonceSize..^TagSize];
        var tag = sealedRecord[^TagSize..];
        byte[]? rented = null;
        try
        {
            ciphers.Value!.Decrypt(nonce, ciphertext, tag, destination, AssociatedData(context, stackalloc byte[StackContextBytes], ref rented));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            destination.Clear();
            return false;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>The opened record, or null when it fails to open (see <see cref="TryOpen(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>).</summary>
    public byte[]? TryOpen(ReadOnlySpan<byte> sealedRecord, ReadOnlySpan<byte> context)
    {
        if (sealedRecord.Length < Overhead)
        {
            return null;
        }
        var plaintext = new byte[sealedRecord.Length - Overhead];
        return TryOpen(sealedRecord, context, plaintext) ? plaintext : null;
    }

    public void Dispose()
    {
        foreach (var cipher in ciphers.Values)
        {
            cipher.Dispose();
        }
        ciphers.Dispose();
        nonces.Dispose();
    }

    /// <summary>
    /// Random nonces, drawn from the system's cryptographic random source in blocks: each is still 96 random bits used
    /// once (the block is never reused, and each thread has its own), only fetched with fewer system calls.
    /// </summary>
    private sealed class NonceSource
    {
        private readonly byte[] block = new byte[NonceSize * NoncesPerDraw];
        private int next = NonceSize * NoncesPerDraw;

        public void Next(Span<byte> nonce)
        {
            if (next == block.Length)
            {
                RandomNumberGenerator.Fill(block);
                next = 0;
            }
            block.AsSpan(next, NonceSize).CopyTo(nonce);
            block.AsSpan(next, NonceSize).Clear();
            next += NonceSize;
        }
    }

    private ReadOnlySpan<byte> AssociatedData(ReadOnlySpan<byte> context, Span<byte> stack, ref byte[]? rented)
    {
        var length = KeyIdSize + context.Length;
        var associated = length <= stack.Length ? stack[..length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        keyId.CopyTo(associated);
        context.CopyTo(associated[KeyIdSize..]);
        return associated;
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
