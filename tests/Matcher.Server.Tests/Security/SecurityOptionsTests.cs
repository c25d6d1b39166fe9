using System.ComponentModel.DataAnnotations;
using Matcher.Server.Hosting;
using Matcher.Server.Security.Options;
using Matcher.Testing;
using Xunit;

namespace Matcher.Server.Tests.Security;

/// <summary>Start-up checks of Matcher:Security: an exposed node without TLS, or a secure mode missing what it needs, does not start.</summary>
public sealed class SecurityOptionsTests
{
    private static List<string> Problems(ServerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void ModeNoneOnANetworkAddressRefusesToStartUnlessInsecureIsAllowed()
    {
        var exposed = new ServerOptions { ListenAddress = "0.0.0.0" };
        var allowed = new ServerOptions { ListenAddress = "0.0.0.0", Security = new SecurityOptions { AllowInsecure = true } };

        Assert.Contains(Problems(exposed), p => p.Contains("reachable from the network", StringComparison.Ordinal) && p.Contains("AllowInsecure", StringComparison.Ordinal));
        Assert.Empty(Problems(allowed));
        Assert.Empty(Problems(new ServerOptions()));
    }

    [Fact]
    public void SecureModesNameEveryMissingPiece()
    {
        var bare = new ServerOptions { Security = new SecurityOptions { Mode = SecurityMode.Mtls } };

        var problems = Problems(bare);

        Assert.Contains(problems, p => p.Contains("Matcher:Security:CertificateFile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Matcher:Security:ClientCaFile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Matcher:Security:Audit:KeyFile", StringComparison.Ordinal));
    }

    [Fact]
    public void UnreadableKeyMaterialAndUnknownRolesAreNamed()
    {
        using var pki = new TestPki();
        var notAKey = pki.Write("not-a-key.txt", "hello");
        var options = new ServerOptions
        {
            Security = new SecurityOptions
            {
                Mode = SecurityMode.Tls,
                CertificateFile = pki.ServerCertificateFile,
                CertificateKeyFile = pki.ServerKeyFile,
                Tokens = new TokenOptions { KeyFile = notAKey, Issuer = TestPki.Issuer, Audience = TestPki.Audience },
                Audit = new AuditOptions { KeyFile = notAKey },
                Principals = { ["station-9"] = new PrincipalOptions { Role = "superuser" } },
            },
        };

        var problems = Problems(options);

        Assert.Contains(problems, p => p.StartsWith("Matcher:Security:Tokens:KeyFile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Matcher:Security:Audit:KeyFile", StringComparison.Ordinal) && p.Contains("base64", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'superuser' is not a role", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("CertificateFile", StringComparison.Ordinal));
    }
}
