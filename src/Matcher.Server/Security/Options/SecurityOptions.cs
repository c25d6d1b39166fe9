using System.ComponentModel.DataAnnotations;
using System.Net;
using Matcher.Security.Certificates;
using Matcher.Server.Security.Identity;

namespace Matcher.Server.Security.Options;

/// <summary>
/// Transport security, identities, roles, limits and the audit log (section Matcher:Security). The default is the
/// embedded mode: no TLS and no identities, allowed only on a loopback address unless AllowInsecure says otherwise.
/// </summary>
public sealed class SecurityOptions
{
    public SecurityMode Mode { get; set; } = SecurityMode.None;

    /// <summary>Lets Mode none listen on a non-loopback address (a network the operator isolates otherwise); logged as a warning.</summary>
    public bool AllowInsecure { get; set; }

    /// <summary>The node's certificate: PEM (with its key, or the key in <see cref="CertificateKeyFile"/>) or PKCS#12 (.pfx, .p12).</summary>
    public string? CertificateFile { get; set; }

    public string? CertificateKeyFile { get; set; }

    /// <summary>Password of a PKCS#12 certificate file; better given by the environment (Matcher__Security__CertificatePassword).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>PEM bundle of the certificate authorities that issue station and batch client certificates.</summary>
    public string? ClientCaFile { get; set; }

    /// <summary>Bearer tokens (JWT) and the issuer key they are checked against.</summary>
    public TokenOptions Tokens { get; set; } = new();

    /// <summary>
    /// Role and galleries of each client certificate, keyed by the certificate's subject common name
    /// (Matcher:Security:Principals:station-042:Role = station). A certificate not listed here has no role.
    /// </summary>
    public Dictionary<string, PrincipalOptions> Principals { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-identity call rate and concurrency; applied whenever Mode is tls or mtls.</summary>
    public CallLimitOptions Limits { get; set; } = new();

    /// <summary>The tamper-evident audit log; required whenever Mode is tls or mtls.</summary>
    public AuditOptions Audit { get; set; } = new();

    /// <summary>Encryption at rest of the data directory, the job log and the Redis values; off without a master key, in any Mode.</summary>
    public EncryptionOptions Encryption { get; set; } = new();

    public bool RequiresIdentity => Mode != SecurityMode.None;

    public bool AcceptsClientCertificates => RequiresIdentity && !string.IsNullOrWhiteSpace(ClientCaFile);

    public IEnumerable<ValidationResult> Validate(string listenAddress)
    {
        foreach (var problem in Encryption.Validate())
        {
            yield return problem;
        }
        if (Mode == SecurityMode.None)
        {
            if (!AllowInsecure && IPAddress.TryParse(listenAddress, out var address) && !IPAddress.IsLoopback(address))
            {
                yield return new ValidationResult(
                    $"Matcher:ListenAddress {listenAddress} is reachable from the network, and Matcher:Security:Mode is none: anyone could enroll, " +
                    "search or delete. Set Matcher:Security:Mode to tls or mtls with a certificate, or Matcher:Security:AllowInsecure to true " +
                    "if the network is isolated otherwise.", [nameof(Mode)]);
            }
            foreach (var problem in Audit.Validate())
            {
                yield return problem;
            }
            yield break;
        }
        foreach (var problem in TransportProblems())
        {
            yield return problem;
        }
        foreach (var problem in Tokens.Validate())
        {
            yield return problem;
        }
        if (!AcceptsClientCertificates && !Tokens.IsConfigured)
        {
            yield return new ValidationResult(
                $"Matcher:Security:Mode {Mode.ToString().ToLowerInvariant()} needs a way for callers to prove who they are: " +
                "Matcher:Security:ClientCaFile for client certificates, Matcher:Security:Tokens:KeyFile for bearer tokens, or both.", [nameof(ClientCaFile)]);
        }
        foreach (var (name, principal) in Principals)
        {
            if (!Roles.TryParse(principal.Role, out _))
            {
                yield return new ValidationResult(
                    $"Matcher:Security:Principals:{name}:Role '{principal.Role}' is not a role; use one of: {string.Join(", ", Roles.Names)}.", [nameof(Principals)]);
            }
        }
        foreach (var problem in Limits.Validate())
        {
            yield return problem;
        }
        if (string.IsNullOrWhiteSpace(Audit.KeyFile))
        {
            yield return new ValidationResult(
                $"Matcher:Security:Mode {Mode.ToString().ToLowerInvariant()} keeps every search on record: set Matcher:Security:Audit:KeyFile " +
                "to a file of at least 32 random bytes in base64 (openssl rand -base64 32).", [nameof(Audit)]);
        }
        foreach (var problem in Audit.Validate())
        {
            yield return problem;
        }
    }

    private IEnumerable<ValidationResult> TransportProblems()
    {
        if (string.IsNullOrWhiteSpace(CertificateFile))
        {
            yield return new ValidationResult(
                $"Matcher:Security:Mode {Mode.ToString().ToLowerInvariant()} needs the node's certificate: set Matcher:Security:CertificateFile (PEM or PFX).",
                [nameof(CertificateFile)]);
        }
        else if ((OptionFiles.Problem("Matcher:Security:CertificateFile", CertificateFile)
                  ?? OptionFiles.Problem("Matcher:Security:CertificateKeyFile", CertificateKeyFile)
                  ?? OptionFiles.Unreadable("Matcher:Security:CertificateFile",
                      () => CertificateFiles.LoadWithKey(CertificateFile, CertificateKeyFile, CertificatePassword).Dispose())) is { } problem)
        {
            yield return problem;
        }
        if (Mode == SecurityMode.Mtls && string.IsNullOrWhiteSpace(ClientCaFile))
        {
            yield return new ValidationResult(
                "Matcher:Security:Mode mtls needs Matcher:Security:ClientCaFile: the PEM certificates of the authority that issues client certificates.",
                [nameof(ClientCaFile)]);
        }
        if (!string.IsNullOrWhiteSpace(ClientCaFile)
            && (OptionFiles.Problem("Matcher:Security:ClientCaFile", ClientCaFile)
                ?? OptionFiles.Unreadable("Matcher:Security:ClientCaFile", () => CertificateFiles.LoadBundle(ClientCaFile))) is { } caProblem)
        {
            yield return caProblem;
        }
    }
}
