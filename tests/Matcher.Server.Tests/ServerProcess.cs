using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Matcher.Testing;

namespace Matcher.Server.Tests;

/// <summary>The server as a separate operating-system process, so a test can kill it the hard way (SIGKILL).</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public GrpcChannel Channel { get; }

    /// <summary>The channel with a deadline on every call that has none (<see cref="BoundedCalls"/>).</summary>
    public CallInvoker Calls => Channel.Intercept(new BoundedCalls());

    public Contracts.V1.Matcher.MatcherClient Matcher => new(Calls);

    public Contracts.V1.Jobs.JobsClient Jobs => new(Calls);

    public static async Task<ServerProcess> StartAsync(string dataDirectory, CancellationToken cancellation, params string[] extraArguments)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "Matcher.Server.dll"),
            "--Matcher:Port", port.ToString(),
            "--Matcher:DataDirectory", dataDirectory,
            "--Matcher:ModelDirectory", Path.Combine(Datasets.RepositoryRoot, "models"),
            "--Logging:LogLevel:Default", "Warning",
            .. extraArguments,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, port);
        await server.WaitUntilServingAsync(cancellation);
        return server;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut for the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellation)
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server process exited with code {_process.ExitCode} during start-up.");
            }
            try
            {
                await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellation);
                return;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellation);
            }
        }
    }
}
