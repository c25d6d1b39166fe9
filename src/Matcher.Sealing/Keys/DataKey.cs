using System.Security.Cryptography;

namespace Matcher.Sealing.Keys;

/// <summary>
/// A random 256-bit key that seals one data directory's (or one Redis prefix's) records, and its random id, which is
/// part of every record's associated data. It is only ever stored wrapped by a <see cref="MasterKey"/>:
/// magic "MSEALK01" (8) | key id (16) | master key fingerprint (8) | nonce (12) | wrapped key (32) | tag (16).
/// The header is the wrapping's associated data, so an id or fingerprint changed on disk is caught too.
/// </summary>
public sealed class DataKey
{
    public const int SizeInBytes = 32;
    public const int WrappedSize = HeaderSize + RecordSealer.NonceSize + SizeInBytes + RecordSealer.TagSize;

    private const int HeaderSize = 8 + RecordSealer.KeyIdSize + MasterKey.FingerprintBytes;
    private const int IdOffset = 8;
    private const int FingerprintOffset = IdOffset + RecordSealer.KeyIdSize;

    private static ReadOnlySpan<byte> Magic => "MSEALK01"u8;

    private readonly byte[] id;
    private readonly byte[] secret;

    private DataKey(byte[] id, byte[] secret)
    {
        this.id = id;
        this.secret = secret;
    }

    public static DataKey Generate() => new(RandomNumberGenerator.GetBytes(RecordSealer.KeyIdSize), RandomNumberGenerator.GetBytes(SizeInBytes));

    /// <summary>The sealer of records under this key; the caller disposes it.</summary>
    public RecordSealer CreateSealer() => new(id, secret);

    /// <summary>This key wrapped by <paramref name="master"/>, as stored beside the data.</summary>
    public byte[] WrapWith(MasterKey master)
    {
        var wrapped = new byte[WrappedSize];
        Magic.CopyTo(wrapped);
        id.CopyTo(wrapped.AsSpan(IdOffset));
        Convert.FromHexString(master.Fingerprint).CopyTo(wrapped.AsSpan(FingerprintOffset));
        var nonce = wrapped.AsSpan(HeaderSize, RecordSealer.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var cipher = master.CreateCipher();
        cipher.Encrypt(nonce, secret, wrapped.AsSpan(HeaderSize + RecordSealer.NonceSize, SizeInBytes),
            wrapped.AsSpan(WrappedSize - RecordSealer.TagSize), wrapped.AsSpan(0, HeaderSize));
        return wrapped;
    }

    /// <summary>Unwraps a stored data key; <paramref name="where"/> names its file or Redis key in messages.</summary>
    /// <exception cref="SealingException">The bytes are not a wrapped data key, or <paramref name="master"/> is not the key that wrapped it.</exception>
    public static DataKey Unwrap(ReadOnlySpan<byte> wrapped, MasterKey master, string where)
    {
        if (wrapped.Length != WrappedSize || !wrapped.StartsWith(Magic))
        {
            throw new SealingException($"The data key in {where} is damaged (it is not a wrapped data key of {WrappedSize} bytes). Restore it from a backup.");
        }
        var fingerprint = Convert.ToHexStringLower(wrapped.Slice(FingerprintOffset, MasterKey.FingerprintBytes));
        if (fingerprint != master.Fingerprint)
        {
            throw new SealingException(
                $"The data key in {where} is wrapped by master key {fingerprint}, but the master key from {master.Source} is {master.Fingerprint}. " +
                "Start with the master key this data was sealed with (after a rotation: the new key file), or rotate to this key with: " +
                "matcher keys rotate --data-directory DIR --old-key-file OLD --new-key-file NEW.");
        }
        var secret = new byte[SizeInBytes];
        using var cipher = master.CreateCipher();
        try
        {
            cipher.Decrypt(wrapped.Slice(HeaderSize, RecordSealer.NonceSize), wrapped.Slice(HeaderSize + RecordSealer.NonceSize, SizeInBytes),
                wrapped[^RecordSealer.TagSize..], secret, wrapped[..HeaderSize]);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new SealingException($"The data key in {where} does not open with master key {master.Fingerprint} although it names that key: the key file is damaged. Restore it from a backup.", e);
        }
        return new DataKey(wrapped.Slice(IdOffset, RecordSealer.KeyIdSize).ToArray(), secret);
    }

    /// <summary>Reads the key id without unwrapping, for messages; null when the bytes are not a wrapped key.</summary>
    public static string? ReadId(ReadOnlySpan<byte> wrapped) =>
        wrapped.Length == WrappedSize && wrapped.StartsWith(Magic) ? Convert.ToHexStringLower(wrapped.Slice(IdOffset, RecordSealer.KeyIdSize)) : null;
}
