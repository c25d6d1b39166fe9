using System.Security.Cryptography.X509Certificates;
using Matcher.Security.Certificates;

namespace Matcher.Server.Security.Transport;

/// <summary>
/// The node's TLS certificate, read again when its file changes, so a renewed certificate is served to new
/// connections without a restart (rotation: write the new files, then replace the certificate file last).
/// A renewal that cannot be read is logged and the current certificate kept.
/// </summary>
internal sealed class ServerCertificateSource
{
    private readonly string _certificateFile;
    private readonly string? _keyFile;
    private readonly string? _password;
    private readonly Lock _lock = new();
    private X509Certificate2 _current;
    private DateTime _loadedWriteTime;

    public ServerCertificateSource(string certificateFile, string? keyFile, string? password)
    {
        _certificateFile = certificateFile;
        _keyFile = keyFile;
        _password = password;
        _loadedWriteTime = WriteTime();
        _current = CertificateFiles.LoadWithKey(certificateFile, keyFile, password);
    }

    /// <summary>Set once the host has a logger; start-up problems surface as exceptions instead.</summary>
    public ILogger? Logger { get; set; }

    public X509Certificate2 Current
    {
        get
        {
            lock (_lock)
            {
                var writeTime = WriteTime();
                if (writeTime != _loadedWriteTime)
                {
                    Reload(writeTime);
                }
                return _current;
            }
        }
    }

    private void Reload(DateTime writeTime)
    {
        _loadedWriteTime = writeTime;
        try
        {
            _current = CertificateFiles.LoadWithKey(_certificateFile, _keyFile, _password);
            Logger?.LogInformation("Serving the renewed TLS certificate {Subject}, valid until {NotAfter:u}.", _current.Subject, _current.NotAfter);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Logger?.LogError("The renewed TLS certificate in {File} cannot be read ({Problem}); the previous one is still served.", _certificateFile, e.Message);
        }
    }

    private DateTime WriteTime() => File.GetLastWriteTimeUtc(_certificateFile);
}
