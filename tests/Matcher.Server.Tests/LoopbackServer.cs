using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Matcher.Server.Hosting;
using Matcher.Testing;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Matcher.Server.Tests;

/// <summary>The real server, with the production setup, listening on a free loopback port for the tests of one class.</summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = FreeLoopbackPort();
        var builder = WebApplication.CreateBuilder([
            "--Matcher:Port", port.ToString(),
            "--Matcher:MaxMessageBytes", (4 * 1024 * 1024).ToString(),
            "--Matcher:ModelDirectory", Path.Combine(Datasets.RepositoryRoot, "models"),
        ]);
        builder.AddMatcherServer();
        _app = builder.Build();
        _app.MapMatcherServer();
        await _app.StartAsync();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions { MaxSendMessageSize = 64 * 1024 * 1024 });
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
