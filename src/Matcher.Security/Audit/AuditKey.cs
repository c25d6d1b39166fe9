using System.Security.Cryptography;
using System.Text;

namespace Matcher.Security.Audit;

/// <summary>
/// The secret of the keyed hash (HMAC-SHA256) that chains audit records. Whoever edits the log without it cannot make
/// the chain verify again. Its id, a hash of the secret, is written into each record so a verifier holding several
/// keys (before and after a rotation) knows which one to use, and learns nothing about the secret from it.
/// </summary>
public sealed class AuditKey
{
    public const int MinimumBytes = 32;

    private readonly byte[] secret;

    public AuditKey(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumBytes)
        {
            throw new ArgumentException($"An audit key needs at least {MinimumBytes} random bytes; this one has {secret.Length}.", nameof(secret));
        }
        this.secret = secret.ToArray();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData([.. "matcher audit key id "u8, .. secret], digest);
        Id = Convert.ToHexStringLower(digest[..4]);
    }

    /// <summary>Eight hexadecimal digits naming the key.</summary>
    public string Id { get; }

    /// <summary>Reads a key file holding the secret as base64 text (for example from <c>openssl rand -base64 32</c>).</summary>
    /// <exception cref="InvalidDataException">The file is not base64 of at least <see cref="MinimumBytes"/> bytes.</exception>
    public static AuditKey Load(string path)
    {
        var text = File.ReadAllText(path, Encoding.ASCII).Trim();
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"The audit key file '{path}' must hold base64 text (for example from: openssl rand -base64 32).");
        }
        if (secret.Length < MinimumBytes)
        {
            throw new InvalidDataException($"The audit key file '{path}' holds {secret.Length} bytes; an audit key needs at least {MinimumBytes}.");
        }
        return new AuditKey(secret);
    }

    /// <summary>The chain link: HMAC-SHA256 over the previous record's hash followed by this record's body.</summary>
    public byte[] Link(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(previousHash);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
