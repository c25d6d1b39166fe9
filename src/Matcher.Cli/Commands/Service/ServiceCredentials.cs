using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Matcher.Security.Certificates;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// What the CLI proves and trusts on a secured node. Files are read when the connection opens; a file that cannot be
/// read ends the command with a message naming it. The token's text never appears in a message.
/// </summary>
internal sealed record ServiceCredentials(string? CaFile, string? CertificateFile, string? KeyFile, string? CertificatePassword, string? TokenFile)
{
    /// <summary>The TLS settings of the connection: the trusted authority (else the system's) and the client certificate.</summary>
    public SslClientAuthenticationOptions TlsOptions()
    {
        var options = new SslClientAuthenticationOptions();
        if (CaFile is not null)
        {
            var trust = Read(() => IssuerTrust.Load(CaFile));
            options.RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                presented is X509Certificate2 server && trust.Problem(server) is null
                && (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0;
        }
        if (CertificateFile is not null)
        {
            options.ClientCertificates = [Read(() => CertificateFiles.LoadWithKey(CertificateFile, KeyFile, CertificatePassword))];
        }
        return options;
    }

    /// <summary>Call credentials adding the bearer token to every call, or null without a token.</summary>
    public CallCredentials? Token(Uri address)
    {
        if (TokenFile is null)
        {
            return null;
        }
        if (address.Scheme != Uri.UriSchemeHttps)
        {
            throw new CliUsageException($"A bearer token travels over https only; give an https:// address instead of {address}.");
        }
        var token = Read(() => File.ReadAllText(TokenFile).Trim());
        if (token.Length == 0 || token.Any(char.IsWhiteSpace))
        {
            throw new CliUsageException($"--token-file '{TokenFile}' must hold one token (a JWT) and nothing else.");
        }
        return CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
    }

    private static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
