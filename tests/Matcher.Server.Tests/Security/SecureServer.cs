using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Matcher.Security.Certificates;
using Matcher.Server.Hosting;
using Matcher.Testing;
using Microsoft.AspNetCore.Builder;

namespace Matcher.Server.Tests.Security;

/// <summary>
/// The real server with the production setup behind real TLS on a free loopback port, with a fresh PKI, its own data
/// directory and station, operator, auditor and admin certificates registered. Clients connect as any of them.
/// </summary>
internal sealed class SecureServer : IAsyncDisposable
{
    public const string Station = "station-north";
    public const string OpenStation = "station-central";
    public const string BatchOperator = "batch-1";
    public const string Auditor = "auditor-1";
    public const string Admin = "admin-1";
    public const string NorthGallery = "north";

    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];
    private readonly IssuerTrust _trust;

    private SecureServer(WebApplication app, TestPki pki, TemporaryDirectory data, int port)
    {
        _app = app;
        Pki = pki;
        Data = data;
        Port = port;
        _trust = new IssuerTrust([pki.Authority]);
    }

    public TestPki Pki { get; }

    public TemporaryDirectory Data { get; }

    public int Port { get; }

    public string AuditLog => Path.Combine(Data.Path, "audit", "audit.log");

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts in <paramref name="mode"/>; <paramref name="map"/> adds endpoints of a test's own (a service no table lists).</summary>
    public static async Task<SecureServer> StartAsync(string mode = "mtls", Action<WebApplication>? map = null, params string[] extraArguments)
    {
        var pki = new TestPki();
        var data = new TemporaryDirectory();
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateBuilder([
            "--Matcher:Port", port.ToString(),
            "--Matcher:MaxMessageBytes", LoopbackServer.MaxMessageBytes.ToString(),
            "--Matcher:ModelDirectory", Path.Combine(Datasets.RepositoryRoot, "models"),
            "--Matcher:DataDirectory", data.Path,
            "--Logging:LogLevel:Default", "Warning",
            .. pki.ServerArguments(mode),
            "--Matcher:Security:Principals:" + Station + ":Role", "station",
            "--Matcher:Security:Principals:" + Station + ":Galleries:0", NorthGallery,
            "--Matcher:Security:Principals:" + OpenStation + ":Role", "station",
            "--Matcher:Security:Principals:" + BatchOperator + ":Role", "batch-operator",
            "--Matcher:Security:Principals:" + Auditor + ":Role", "auditor",
            "--Matcher:Security:Principals:" + Admin + ":Role", "admin",
            .. extraArguments,
        ]);
        builder.AddMatcherServer();
        var app = builder.Build();
        app.MapMatcherServer();
        map?.Invoke(app);
        await app.StartAsync();
        return new SecureServer(app, pki, data, port);
    }

    /// <summary>A call invoker over TLS that trusts only this PKI's authority, presenting <paramref name="certificate"/> and/or <paramref name="token"/>.</summary>
    public CallInvoker Connect(X509Certificate2? certificate = null, string? token = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                    presented is X509Certificate2 server && _trust.Problem(server) is null
                    && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable),
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
            },
        };
        var options = new GrpcChannelOptions { HttpHandler = handler, MaxSendMessageSize = 64 * 1024 * 1024 };
        if (token is not null)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            }));
        }
        var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{Port}", options);
        _channels.Add(channel);
        return channel.Intercept(new BoundedCalls());
    }

    /// <summary>Connects with a fresh certificate for <paramref name="commonName"/> issued by the programme's authority.</summary>
    public CallInvoker As(string commonName) => Connect(Pki.Client(commonName));

    public async ValueTask DisposeAsync()
    {
        _channels.ForEach(c => c.Dispose());
        await _app.StopAsync();
        await _app.DisposeAsync();
        Pki.Dispose();
        Data.Dispose();
    }
}
