using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Matcher.Server.Hosting;
using Matcher.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Matcher.Server.Tests;

/// <summary>
/// The real server, with the production setup, listening on a free loopback port with its own data directory.
/// Used as a class fixture, or started directly on a given data directory by tests that restart it.
/// </summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly bool _ownsDataDirectory;
    private WebApplication? _app;

    public LoopbackServer()
        : this(Directory.CreateTempSubdirectory("matcher-server-").FullName, ownsDataDirectory: true)
    {
    }

    private LoopbackServer(string dataDirectory, bool ownsDataDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public string DataDirectory { get; }

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The channel with a deadline on every call that has none (<see cref="BoundedCalls"/>).</summary>
    public CallInvoker Calls => Channel.Intercept(new BoundedCalls());

    public Contracts.V1.Matcher.MatcherClient Matcher => new(Calls);

    public Contracts.V1.Cache.CacheClient Cache => new(Calls);

    public Grpc.Health.V1.Health.HealthClient Health => new(Calls);

    public Contracts.V1.Jobs.JobsClient Jobs => new(Calls);

    private string[] _extraArguments = [];
    private TimeProvider? _clock;

    public static Task<LoopbackServer> StartAsync(string dataDirectory, params string[] extraArguments) =>
        StartAsync(dataDirectory, clock: null, extraArguments);

    /// <summary>Starts the server with <paramref name="clock"/> as its wall clock, for expiry tested without waiting.</summary>
    public static async Task<LoopbackServer> StartAsync(string dataDirectory, TimeProvider? clock, params string[] extraArguments)
    {
        var server = new LoopbackServer(dataDirectory, ownsDataDirectory: false) { _extraArguments = extraArguments, _clock = clock };
        await server.InitializeAsync();
        return server;
    }

    public async ValueTask InitializeAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateBuilder([
            "--Matcher:Port", port.ToString(),
            "--Matcher:MaxMessageBytes", MaxMessageBytes.ToString(),
            "--Matcher:ModelDirectory", Path.Combine(Datasets.RepositoryRoot, "models"),
            "--Matcher:DataDirectory", DataDirectory,
            "--Logging:LogLevel:Default", "Warning",
            .. _extraArguments,
        ]);
        builder.AddMatcherServer();
        if (_clock is not null)
        {
            builder.Services.AddSingleton(_clock);
        }
        _app = builder.Build();
        _app.MapMatcherServer();
        await _app.StartAsync();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions { MaxSendMessageSize = 64 * 1024 * 1024 });
    }

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_ownsDataDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
