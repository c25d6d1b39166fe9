using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Matcher.Testing;

/// <summary>
/// A programme's key material made for one test, as an operator would have it on disk: a certificate authority, the
/// node's TLS certificate for 127.0.0.1, client certificates for stations and operators, a token issuer's signing key
/// and an audit key. Everything is generated with System.Security.Cryptography; nothing is reused between tests.
/// </summary>
public sealed class TestPki : IDisposable
{
    public const string Issuer = "https://issuer.programme.test";
    public const string Audience = "matcher";

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly TemporaryDirectory _directory = new();
    private readonly X509Certificate2 _authority;
    private readonly ECDsa _tokenKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private long _serial = 1;

    public TestPki()
    {
        _authority = CreateAuthority("CN=Programme Test CA, O=Matcher Tests");
        CaFile = Write("ca.pem", _authority.ExportCertificatePem());
        using var server = Issue(_authority, "CN=matcher-node", ServerAuthentication, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), san: true);
        ServerCertificateFile = Write("node.pem", server.ExportCertificatePem());
        ServerKeyFile = Write("node.key", server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        TokenKeyFile = Write("issuer.pem", _tokenKey.ExportSubjectPublicKeyInfoPem());
        AuditKeyFile = Write("audit.key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    public string Directory => _directory.Path;

    public X509Certificate2 Authority => _authority;

    public string CaFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    /// <summary>The token issuer's public key (PEM), as the node is configured with it.</summary>
    public string TokenKeyFile { get; }

    public string AuditKeyFile { get; }

    /// <summary>Server options for <paramref name="mode"/> (tls or mtls) with every credential file of this PKI.</summary>
    public string[] ServerArguments(string mode) =>
    [
        "--Matcher:Security:Mode", mode,
        "--Matcher:Security:CertificateFile", ServerCertificateFile,
        "--Matcher:Security:CertificateKeyFile", ServerKeyFile,
        "--Matcher:Security:ClientCaFile", CaFile,
        "--Matcher:Security:Tokens:KeyFile", TokenKeyFile,
        "--Matcher:Security:Tokens:Issuer", Issuer,
        "--Matcher:Security:Tokens:Audience", Audience,
        "--Matcher:Security:Audit:KeyFile", AuditKeyFile,
    ];

    /// <summary>A client certificate with its key issued by this programme's authority (or, with <paramref name="selfSigned"/>, by nobody).</summary>
    public X509Certificate2 Client(string commonName, DateTimeOffset? notAfter = null, bool selfSigned = false)
    {
        var notBefore = DateTimeOffset.UtcNow.AddHours(-2);
        var until = notAfter ?? DateTimeOffset.UtcNow.AddDays(1);
        if (!selfSigned)
        {
            return Issue(_authority, $"CN={commonName}", ClientAuthentication, notBefore, until, san: false);
        }
        using var stranger = CreateAuthority($"CN={commonName}");
        return Issue(stranger, $"CN={commonName}", ClientAuthentication, notBefore, until, san: false);
    }

    /// <summary>Writes a client certificate and its key as PEM files, as a station keeps them; returns (certificate, key).</summary>
    public (string Certificate, string Key) WriteClient(X509Certificate2 client)
    {
        var name = client.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return (Write($"{name}.pem", client.ExportCertificatePem()), Write($"{name}.key", client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()));
    }

    /// <summary>A signed JWT as the programme's issuer would hand out; every claim can be spoiled to test refusals.</summary>
    public string Token(string subject, string? role, IReadOnlyList<string>? galleries = null, DateTime? expires = null,
        ECDsa? signer = null, string issuer = Issuer, string audience = Audience)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (role is not null)
        {
            claims["role"] = role;
        }
        if (galleries is not null)
        {
            claims["galleries"] = galleries.ToArray();
        }
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = until.AddHours(-2),
            IssuedAt = until.AddHours(-2),
            Expires = until,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signer ?? _tokenKey), SecurityAlgorithms.EcdsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public string Write(string name, string text)
    {
        var path = _directory.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        _authority.Dispose();
        _tokenKey.Dispose();
        _directory.Dispose();
    }

    private static X509Certificate2 CreateAuthority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private X509Certificate2 Issue(X509Certificate2 issuer, string subject, Oid usage, DateTimeOffset notBefore, DateTimeOffset notAfter, bool san)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (san)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }
        var serial = BitConverter.GetBytes(Interlocked.Increment(ref _serial));
        using var issued = request.Create(issuer, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
