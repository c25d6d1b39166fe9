using System.Security.Cryptography;
using System.Text;

namespace Matcher.Sealing.Keys;

/// <summary>
/// The key that wraps data keys (never seals records itself), so replacing it rewrites only the small key files, not
/// the data. Kept outside the data directory: a file readable by the service account only, or an environment variable.
/// Its fingerprint, a hash of the secret, names it in key files and messages without revealing anything of it.
/// </summary>
public sealed class MasterKey
{
    public const int SizeInBytes = 32;

    private readonly byte[] secret;

    private MasterKey(byte[] secret, string source)
    {
        this.secret = secret;
        Source = source;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData([.. "matcher master key fingerprint "u8, .. secret], digest);
        Fingerprint = Convert.ToHexStringLower(digest[..FingerprintBytes]);
    }

    public const int FingerprintBytes = 8;

    /// <summary>Sixteen hexadecimal digits naming the key.</summary>
    public string Fingerprint { get; }

    /// <summary>Where the key came from (file path or environment variable), for messages.</summary>
    public string Source { get; }

    public static MasterKey Generate() => new(RandomNumberGenerator.GetBytes(SizeInBytes), "a newly generated key");

    /// <summary>Reads a key file holding the secret as base64 text (as written by <c>matcher keys generate</c>).</summary>
    /// <exception cref="SealingException">The file is missing, unreadable or does not hold a key.</exception>
    public static MasterKey Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SealingException($"The master key file '{path}' cannot be read: {e.Message}", e);
        }
        return Parse(text, $"file '{path}'");
    }

    /// <exception cref="SealingException">The variable is unset or does not hold a key.</exception>
    public static MasterKey FromEnvironment(string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SealingException($"The environment variable {variable} that should hold the master key is not set.");
        }
        return Parse(text, $"environment variable {variable}");
    }

    /// <summary>Writes a new random key to <paramref name="path"/>, readable and writable by its owner only; never overwrites.</summary>
    public static MasterKey WriteNew(string path)
    {
        var key = Generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key.secret) + "\n"));
            stream.Flush(flushToDisk: true);
        }
        return new MasterKey(key.secret, $"file '{path}'");
    }

    internal AesGcm CreateCipher() => new(secret, RecordSealer.TagSize);

    private static MasterKey Parse(string text, string source)
    {
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new SealingException($"The master key in {source} must be base64 text of {SizeInBytes} bytes (write one with: matcher keys generate -o FILE).");
        }
        if (secret.Length != SizeInBytes)
        {
            throw new SealingException($"The master key in {source} holds {secret.Length} bytes; a master key has exactly {SizeInBytes} (write one with: matcher keys generate -o FILE).");
        }
        return new MasterKey(secret, source);
    }
}
