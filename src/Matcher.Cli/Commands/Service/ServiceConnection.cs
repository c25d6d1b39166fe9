using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using MatcherClient = Matcher.Contracts.V1.Matcher.MatcherClient;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// The channel to the Matcher service named by <c>--server</c>, MATCHER_SERVER or the loopback default, and the one
/// place where a failed call becomes a message for the operator (<see cref="CliFailureException"/>, exit code 1).
/// </summary>
internal sealed class ServiceConnection : IDisposable
{
    public const string EnvironmentVariable = "MATCHER_SERVER";
    public const string DefaultAddress = "http://127.0.0.1:50051";

    /// <summary>Long enough for ten fingerprint images and a face on a busy server; bounded so a silent network never hangs a station.</summary>
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromMinutes(2);

    /// <summary>A host that drops packets is reported as unreachable in seconds, not at the end of the deadline.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly GrpcChannel _channel;
    private readonly TimeSpan _deadline;

    private ServiceConnection(Uri address, string addressText, ServiceCredentials credentials, TimeSpan deadline)
    {
        Address = addressText;
        _deadline = deadline;
        var options = new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = ConnectTimeout,
                EnableMultipleHttp2Connections = true,
                SslOptions = credentials.TlsOptions(),
            },
        };
        if (credentials.Token(address) is { } token)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, token);
        }
        _channel = GrpcChannel.ForAddress(address, options);
        Matcher = new MatcherClient(_channel);
        Health = new Health.HealthClient(_channel);
        Cache = new Contracts.V1.Cache.CacheClient(_channel);
        Jobs = new Contracts.V1.Jobs.JobsClient(_channel);
        Audit = new Contracts.V1.Audit.AuditClient(_channel);
    }

    /// <summary>The address as the operator gave it, for messages.</summary>
    public string Address { get; }

    public MatcherClient Matcher { get; }

    public Health.HealthClient Health { get; }

    public Contracts.V1.Cache.CacheClient Cache { get; }

    public Contracts.V1.Jobs.JobsClient Jobs { get; }

    public Contracts.V1.Audit.AuditClient Audit { get; }

    /// <summary>Opens a channel to <paramref name="server"/> (from --server), else MATCHER_SERVER, else the loopback default.</summary>
    public static ServiceConnection Open(string? server, ServiceCredentials credentials) => Open(server, credentials, DefaultDeadline);

    public static ServiceConnection Open(string? server, ServiceCredentials credentials, TimeSpan deadline)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var text = server ?? (string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultAddress : ParseAddress(fromEnvironment, EnvironmentVariable));
        return new ServiceConnection(new Uri(text), text, credentials, deadline);
    }

    /// <summary>An absolute http or https address, returned as the operator wrote it in <paramref name="source"/>.</summary>
    public static string ParseAddress(string text, string source) =>
        Uri.TryCreate(text, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            ? text
            : throw new CliUsageException($"{source} must be a server address such as {DefaultAddress} (http or https), not '{text}'.");

    /// <summary>Makes one call under the deadline; a failure of any kind ends the command with its status and reason.</summary>
    public TResponse Call<TResponse>(Func<CallOptions, TResponse> call)
    {
        try
        {
            return call(new CallOptions(deadline: DateTime.UtcNow + _deadline));
        }
        catch (RpcException exception)
        {
            throw new CliFailureException(RpcErrorText.Describe(exception, Address, _deadline));
        }
    }

    /// <summary>The asynchronous form of <see cref="Call{TResponse}"/>, for streaming calls.</summary>
    public async Task<TResponse> CallAsync<TResponse>(Func<CallOptions, Task<TResponse>> call)
    {
        try
        {
            return await call(new CallOptions(deadline: DateTime.UtcNow + _deadline));
        }
        catch (RpcException exception)
        {
            throw new CliFailureException(RpcErrorText.Describe(exception, Address, _deadline));
        }
    }

    /// <summary>
    /// A server stream read to its end without a deadline (a job's progress lasts as long as the job); the operator stops
    /// it with Ctrl+C. Failures end the command as in <see cref="Call{TResponse}"/>.
    /// </summary>
    public async Task ReadStreamAsync<TResponse>(Func<CallOptions, AsyncServerStreamingCall<TResponse>> call, Func<TResponse, bool> onMessage,
        CancellationToken cancellation)
    {
        try
        {
            using var streaming = call(new CallOptions(cancellationToken: cancellation));
            await foreach (var message in streaming.ResponseStream.ReadAllAsync(cancellation))
            {
                if (!onMessage(message))
                {
                    return;
                }
            }
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Cancelled || !cancellation.IsCancellationRequested)
        {
            throw new CliFailureException(RpcErrorText.Describe(exception, Address, _deadline));
        }
    }

    public void Dispose() => _channel.Dispose();
}
