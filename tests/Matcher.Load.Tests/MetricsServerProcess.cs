using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Matcher.Testing;
using Xunit;

namespace Matcher.Load.Tests;

/// <summary>
/// The real server in a process of its own, with the Prometheus endpoint on another loopback port: its meters count
/// only what these tests send, so the load's counts can be compared with the server's exactly. Shared by the tests of
/// one class, which xunit runs one at a time.
/// </summary>
public sealed class MetricsServerProcess : IAsyncLifetime
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The tests assert that no new applicant is reported as a duplicate. At the default target of 1 % per search, the
    /// half-dozen new applicants of a run would raise a false alarm in about one run in seventeen, and which run
    /// depends on the order the enrollments land in, because the threshold follows the gallery's size.
    /// At 1e-5 that is about one run in seventeen thousand.
    /// </summary>
    private const string NewApplicantFalseAlarmRate = "0.00001";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("matcher-load-").FullName;
    private Process? _process;

    public GrpcChannel Channel { get; private set; } = null!;

    public string Address { get; private set; } = "";

    public string MetricsUrl { get; private set; } = "";

    public Contracts.V1.Matcher.MatcherClient Matcher => new(Channel);

    public Contracts.V1.Jobs.JobsClient Jobs => new(Channel);

    public async ValueTask InitializeAsync()
    {
        var port = LoopbackPorts.Free();
        var metricsPort = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[
            Path.Combine(AppContext.BaseDirectory, "Matcher.Server.dll"),
            "--Matcher:Port", port.ToString(),
            "--Matcher:DataDirectory", _dataDirectory,
            "--Matcher:ModelDirectory", Path.Combine(Datasets.RepositoryRoot, "models"),
            "--Matcher:Metrics:Enabled", "true",
            "--Matcher:Metrics:Port", metricsPort.ToString(),
            "--Matcher:TargetFalsePositiveIdentificationRate", NewApplicantFalseAlarmRate,
            "--Logging:LogLevel:Default", "Warning"])
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Address = $"http://127.0.0.1:{port}";
        MetricsUrl = $"http://127.0.0.1:{metricsPort}/metrics";
        Channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + StartBound;
        while (true)
        {
            Assert.False(_process.HasExited, $"The server exited with code {(_process.HasExited ? _process.ExitCode : 0)} during start-up.");
            try
            {
                await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                return;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
