using System.Security.Cryptography.X509Certificates;

namespace Matcher.Security.Certificates;

/// <summary>
/// Trust in exactly the given certificate authorities, not the machine's store: a programme runs its own CA for its
/// nodes, stations and batch clients. Revocation is not checked online (nodes reach no network beyond their peers);
/// a compromised certificate is withdrawn by rotating the CA or, for tokens, by short lifetimes.
/// </summary>
public sealed class IssuerTrust(X509Certificate2Collection authorities)
{
    public X509Certificate2Collection Authorities { get; } = authorities;

    public static IssuerTrust Load(string pemFile) => new(CertificateFiles.LoadBundle(pemFile));

    /// <summary>Null when <paramref name="certificate"/> chains to one of the authorities and is valid now, else why not.</summary>
    public string? Problem(X509Certificate2 certificate, X509Certificate2Collection? intermediates = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        }
        if (chain.Build(certificate))
        {
            return null;
        }
        var reasons = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct();
        return $"the certificate '{certificate.Subject}' is not trusted: {string.Join("; ", reasons)}";
    }
}
