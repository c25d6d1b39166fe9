using System.Globalization;
using Matcher.Server.Hosting;
using Matcher.Testing;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Matcher.Cli.Tests.Service;

/// <summary>The real Matcher server, production setup, on a free loopback port with its own temporary data directory.</summary>
public sealed class LoopbackService : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("matcher-cli-").FullName;
    private string[] _extraArguments = [];
    private string _scheme = "http";
    private WebApplication? _app;

    public string Address { get; private set; } = "";

    /// <summary>A service started with more options, for example a Redis connection string.</summary>
    public static async Task<LoopbackService> StartAsync(params string[] extraArguments)
    {
        var service = new LoopbackService { _extraArguments = extraArguments };
        await service.InitializeAsync();
        return service;
    }

    /// <summary>A service behind TLS (Matcher:Security:Mode tls or mtls among <paramref name="securityArguments"/>), addressed over https.</summary>
    public static async Task<LoopbackService> StartSecureAsync(params string[] securityArguments)
    {
        var service = new LoopbackService { _extraArguments = securityArguments, _scheme = "https" };
        await service.InitializeAsync();
        return service;
    }

    public async ValueTask InitializeAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateBuilder([
            "--Matcher:Port", port.ToString(CultureInfo.InvariantCulture),
            "--Matcher:ModelDirectory", Path.Combine(Datasets.RepositoryRoot, "models"),
            "--Matcher:DataDirectory", _dataDirectory,
            "--Logging:LogLevel:Default", "Warning",
            .. _extraArguments,
        ]);
        builder.AddMatcherServer();
        _app = builder.Build();
        _app.MapMatcherServer();
        await _app.StartAsync();
        Address = $"{_scheme}://127.0.0.1:{port}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
