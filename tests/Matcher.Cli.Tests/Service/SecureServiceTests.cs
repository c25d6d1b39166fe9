using System.Text;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Service;

/// <summary>The CLI against a node behind mutual TLS: it trusts the programme's authority, presents a station's or an auditor's certificate, or a token.</summary>
public sealed class SecureServiceTests
{
    private static async Task<(LoopbackService Service, TestPki Pki, string AuditLog)> StartAsync(string mode)
    {
        var pki = new TestPki();
        var auditLog = Path.Combine(pki.Directory, "audit.log");
        var service = await LoopbackService.StartSecureAsync([
            .. pki.ServerArguments(mode),
            "--Matcher:Security:Audit:Path", auditLog,
            "--Matcher:Security:Principals:station-1:Role", "station",
            "--Matcher:Security:Principals:auditor-1:Role", "auditor",
        ]);
        return (service, pki, auditLog);
    }

    private static string[] As(TestPki pki, string commonName)
    {
        var (certificate, key) = pki.WriteClient(pki.Client(commonName));
        return ["--ca-file", pki.CaFile, "--cert-file", certificate, "--key-file", key];
    }

    [Fact]
    public async Task AStationWithItsCertificateEnrollsAndAnAuditorSeesItOnRecord()
    {
        var (service, pki, _) = await StartAsync("mtls");
        await using var _ = service;
        using var __ = pki;
        string[] station = [.. As(pki, "station-1"), "--server", service.Address];
        string[] auditor = [.. As(pki, "auditor-1"), "--server", service.Address];

        var enrolled = Cli.Run(["enroll", "--id", "P101", "--finger", $"right-index={Cli.IsoTemplate(101, 1)}", .. station]);
        Assert.True(enrolled.ExitCode == 0, enrolled.Error);
        var query = Cli.Run(["audit", "query", "--subject", "P101", .. auditor]);
        var verify = Cli.Run(["audit", "verify", .. auditor]);
        var refused = Cli.Run(["audit", "query", .. station]);

        Assert.True(query.ExitCode == 0, query.Error);
        var lines = query.Output.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("station-1 (station, certificate) Enroll attempt; galleries default; subjects default/P101", lines[0]);
        Assert.Contains("station-1 (station, certificate) Enroll outcome OK ENROLLED; galleries default; subjects default/P101", lines[1]);
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("Audit log intact: 3 record(s); head hash ", verify.Output);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("PermissionDenied security.role_denied: station-1 is a station; /matcher.v1.Audit/QueryAudit is open to: auditor.", refused.Error);
    }

    [Fact]
    public async Task WithoutACertificateOrTheAuthorityTheCallFailsWithAReason()
    {
        var (service, pki, _) = await StartAsync("mtls");
        await using var _ = service;
        using var __ = pki;

        var anonymous = Cli.Run("stats", "--ca-file", pki.CaFile, "--server", service.Address);
        var untrusting = Cli.Run(["stats", "--server", service.Address, .. As(pki, "station-1")[2..]]);
        var plain = Cli.Run("stats", "--server", service.Address.Replace("https", "http"));

        Assert.Equal(1, anonymous.ExitCode);
        Assert.StartsWith("Unauthenticated security.unauthenticated: This node requires a client certificate", anonymous.Error);
        Assert.Equal(1, untrusting.ExitCode);
        Assert.Contains("no trusted TLS connection", untrusting.Error);
        Assert.Contains("--ca-file", untrusting.Error);
        Assert.Equal(1, plain.ExitCode);
    }

    [Fact]
    public async Task ABearerTokenTravelsOverHttpsOnly()
    {
        var (service, pki, _) = await StartAsync("tls");
        await using var _ = service;
        using var __ = pki;
        var token = pki.Write("admin.jwt", pki.Token("operator-1", "admin"));

        var stats = Cli.Run("stats", "--ca-file", pki.CaFile, "--token-file", token, "--server", service.Address);
        var overHttp = Cli.Run("stats", "--token-file", token, "--server", "http://127.0.0.1:1");

        Assert.True(stats.ExitCode == 0, stats.Error);
        Assert.StartsWith("0 subject(s)", stats.Output);
        Assert.Equal(2, overHttp.ExitCode);
        Assert.StartsWith("A bearer token travels over https only", overHttp.Error);
        Assert.DoesNotContain(File.ReadAllText(token), overHttp.Error + stats.Output);
    }

    [Fact]
    public async Task ACopyOfTheAuditLogIsVerifiedWithTheKeyAloneAndAnEditIsFound()
    {
        var (service, pki, auditLog) = await StartAsync("mtls");
        using var _ = pki;
        await using (service)
        {
            string[] station = [.. As(pki, "station-1"), "--server", service.Address];
            foreach (var finger in new[] { 102, 103 })
            {
                Assert.Equal(0, Cli.Run(["enroll", "--id", $"P{finger}", "--finger", $"right-index={Cli.IsoTemplate(finger, 1)}", .. station]).ExitCode);
            }
        }
        var copy = pki.Write("audit-copy.log", File.ReadAllText(auditLog));
        var edited = pki.Write("audit-edited.log", File.ReadAllText(auditLog).Replace("P103", "P104"));

        var intact = Cli.Run("audit", "verify", "--file", copy, "--audit-key", pki.AuditKeyFile);
        var broken = Cli.Run("audit", "verify", "--file", edited, "--audit-key", pki.AuditKeyFile);
        var keyless = Cli.Run("audit", "verify", "--file", copy);

        Assert.Equal(0, intact.ExitCode);
        Assert.StartsWith("Audit log intact: 4 record(s)", intact.Output);
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("Audit log BROKEN at line 3: record 3 does not match its hash", broken.Output);
        Assert.Contains("The 2 record(s) before it are intact", broken.Output);
        Assert.Equal(2, keyless.ExitCode);
        Assert.Contains("--audit-key", keyless.Error);
        Assert.DoesNotContain(Encoding.ASCII.GetString(File.ReadAllBytes(Cli.IsoTemplate(102, 1))[..32]), File.ReadAllText(auditLog));
    }
}
