using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Matcher.Security.Certificates;

/// <summary>
/// Certificates as operators keep them: PEM (certificate and key in one file or two) or PKCS#12 (.pfx / .p12,
/// optionally with a password). Failures say which file and what is wrong with it, never the password.
/// </summary>
public static class CertificateFiles
{
    /// <summary>A certificate with its private key, for a server or a client to present.</summary>
    /// <exception cref="InvalidDataException">The files do not hold a certificate with its private key.</exception>
    public static X509Certificate2 LoadWithKey(string certificateFile, string? keyFile, string? password)
    {
        try
        {
            var certificate = IsPkcs12(certificateFile)
                ? X509CertificateLoader.LoadPkcs12FromFile(certificateFile, password, X509KeyStorageFlags.EphemeralKeySet)
                : X509Certificate2.CreateFromPemFile(certificateFile, string.IsNullOrEmpty(keyFile) ? null : keyFile);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new InvalidDataException($"'{certificateFile}' holds a certificate without its private key; give the key file too.");
            }
            return certificate;
        }
        catch (CryptographicException e)
        {
            var files = string.IsNullOrEmpty(keyFile) ? $"'{certificateFile}'" : $"'{certificateFile}' and '{keyFile}'";
            throw new InvalidDataException($"{files} do not hold a certificate with its private key ({e.Message}).");
        }
    }

    /// <summary>The certificates of a PEM bundle, for example the certificate authorities a party trusts.</summary>
    /// <exception cref="InvalidDataException">The file holds no PEM certificate.</exception>
    public static X509Certificate2Collection LoadBundle(string pemFile)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(pemFile);
        }
        catch (CryptographicException e)
        {
            throw new InvalidDataException($"'{pemFile}' is not a PEM file of certificates ({e.Message}).");
        }
        if (certificates.Count == 0)
        {
            throw new InvalidDataException($"'{pemFile}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }
        return certificates;
    }

    private static bool IsPkcs12(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";
}
