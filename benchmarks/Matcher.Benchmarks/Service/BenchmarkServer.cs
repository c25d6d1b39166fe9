extern alias server;

using Grpc.Net.Client;
using Matcher.Contracts.V1;
using Matcher.Testing;
using Microsoft.AspNetCore.Builder;
using server::Matcher.Server.Hosting;

namespace Matcher.Benchmarks.Service;

/// <summary>The real service on a free loopback port with a fresh data directory, and a channel to it.</summary>
internal sealed class BenchmarkServer : IDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    public BenchmarkServer(string name)
    {
        _dataDirectory = Directory.CreateTempSubdirectory($"matcher-{name}-bench-").FullName;
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateBuilder([
            "--Matcher:Port", port.ToString(),
            "--Matcher:ModelDirectory", Path.Combine(Datasets.RepositoryRoot, "models"),
            "--Matcher:DataDirectory", _dataDirectory,
            "--Logging:LogLevel:Default", "Warning",
        ]);
        builder.AddMatcherServer();
        _app = builder.Build();
        _app.MapMatcherServer();
        _app.StartAsync().GetAwaiter().GetResult();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        FaceModelId = new Contracts.V1.Matcher.MatcherClient(Channel).GetStats(new GetStatsRequest()).FaceModelId;
    }

    public GrpcChannel Channel { get; }

    /// <summary>The face model whose embeddings the service accepts.</summary>
    public string FaceModelId { get; }

    public void Dispose()
    {
        Channel.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
