using System.CommandLine;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// The options of every command that calls the service: where it is, which authority vouches for its certificate, and
/// how the caller proves who it is (a client certificate and/or a bearer token). Each falls back to an environment
/// variable, so a station configures its credentials once.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string CaFileVariable = "MATCHER_CA_FILE";
    public const string CertificateFileVariable = "MATCHER_CERT_FILE";
    public const string KeyFileVariable = "MATCHER_KEY_FILE";
    public const string TokenFileVariable = "MATCHER_TOKEN_FILE";
    public const string CertificatePasswordVariable = "MATCHER_CERT_PASSWORD";

    private readonly Option<string?> _server = ServiceOptions.Server();
    private readonly Option<string?> _caFile = File("--ca-file",
        $"PEM certificates of the authority that issued the service's certificate (default {CaFileVariable}, else the system's trusted authorities).");
    private readonly Option<string?> _certificateFile = File("--cert-file",
        $"Client certificate to present, PEM or PFX (default {CertificateFileVariable}); a PFX password comes from {CertificatePasswordVariable}.");
    private readonly Option<string?> _keyFile = File("--key-file", $"PEM private key of --cert-file when it is not in the same file (default {KeyFileVariable}).");
    private readonly Option<string?> _tokenFile = File("--token-file",
        $"File holding a bearer token (JWT) from the programme's issuer (default {TokenFileVariable}); sent over https only.");

    public IEnumerable<Option> All => [_server, _caFile, _certificateFile, _keyFile, _tokenFile];

    public ServiceConnection Open(ParseResult parsed) => ServiceConnection.Open(parsed.GetValue(_server), Credentials(parsed));

    public ServiceConnection Open(ParseResult parsed, TimeSpan deadline) => ServiceConnection.Open(parsed.GetValue(_server), Credentials(parsed), deadline);

    private ServiceCredentials Credentials(ParseResult parsed) => new(
        parsed.GetValue(_caFile) ?? FromEnvironment(CaFileVariable),
        parsed.GetValue(_certificateFile) ?? FromEnvironment(CertificateFileVariable),
        parsed.GetValue(_keyFile) ?? FromEnvironment(KeyFileVariable),
        FromEnvironment(CertificatePasswordVariable),
        parsed.GetValue(_tokenFile) ?? FromEnvironment(TokenFileVariable));

    private static string? FromEnvironment(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    private static Option<string?> File(string name, string description) => new(name) { Description = description, HelpName = "FILE" };
}
