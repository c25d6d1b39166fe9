using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Matcher.Server.Security.Identity;

/// <summary>The token issuer's public keys from a file on disk: a JWKS document, a PEM certificate or a PEM public key.</summary>
internal static class IssuerKeys
{
    /// <exception cref="InvalidDataException">The file holds no public key this node can check signatures with.</exception>
    public static IReadOnlyList<SecurityKey> Load(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            if (text.TrimStart().StartsWith('{'))
            {
                var keys = new JsonWebKeySet(text).GetSigningKeys();
                return keys.Count > 0 ? [.. keys] : throw new InvalidDataException($"The JWKS '{path}' holds no signing key.");
            }
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                return [new X509SecurityKey(X509Certificate2.CreateFromPem(text))];
            }
            return [PublicKey(text)];
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"Matcher:Security:Tokens:KeyFile '{path}' holds no usable issuer key ({e.Message}).");
        }
    }

    /// <summary>A SubjectPublicKeyInfo PEM: elliptic-curve keys (ES*) are tried first, then RSA (RS*, PS*).</summary>
    private static SecurityKey PublicKey(string pem)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return new ECDsaSecurityKey(ecdsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa);
    }
}
