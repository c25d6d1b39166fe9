using Grpc.Core;
using Grpc.Health.V1;
using Matcher.Contracts.V1;
using Matcher.Server.Security.Authorization;
using Matcher.Storage.Lines;
using Xunit;
using MatcherClient = Matcher.Contracts.V1.Matcher.MatcherClient;

namespace Matcher.Server.Tests.Security;

/// <summary>Per-identity abuse limits: beyond its rate or its concurrent calls a caller gets RESOURCE_EXHAUSTED; others and health are unaffected.</summary>
public sealed class LimitTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallerBeyondItsRateIsRefusedWhileOthersGoOn()
    {
        // One call per hour after a burst of three: no refill can happen while the test runs.
        await using var server = await SecureServer.StartAsync("mtls", map: null,
            "--Matcher:Security:Limits:Calls", "1", "--Matcher:Security:Limits:Period", "01:00:00", "--Matcher:Security:Limits:Burst", "3");
        var busy = new MatcherClient(server.As(SecureServer.OpenStation));
        var other = new MatcherClient(server.As(SecureServer.Station));
        var probe = server.Connect();

        for (var call = 0; call < 3; call++)
        {
            await busy.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        }
        var status = await RpcAssert.FailsWith(StatusCode.ResourceExhausted, SecurityRefusal.LimitReason, async () =>
            await busy.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation));

        Assert.Contains("at most 1 per 01:00:00 (bursts of 3)", status.Message);
        await other.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        for (var check = 0; check < 5; check++)
        {
            await new Health.HealthClient(probe).CheckAsync(new HealthCheckRequest(), cancellationToken: Cancellation);
        }
    }

    [Fact]
    public async Task ACallerWithTooManyCallsInFlightIsRefused()
    {
        await using var server = await SecureServer.StartAsync("mtls", map: null, "--Matcher:Security:Limits:ConcurrentCalls", "1");
        var batch = new MatcherClient(server.As(SecureServer.BatchOperator));
        var station = new MatcherClient(server.As(SecureServer.OpenStation));

        using var import = batch.ImportSubjects(cancellationToken: Cancellation);
        await import.RequestStream.WriteAsync(new ImportSubjectRequest { SubjectId = "P101", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1)) }, Cancellation);
        await WaitForAuditAsync(server, "\"rpc\":\"/matcher.v1.Matcher/ImportSubjects\",\"phase\":\"attempt\"");

        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, SecurityRefusal.LimitReason, async () =>
            await batch.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation));
        await station.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        await import.RequestStream.CompleteAsync();
        Assert.Equal(1ul, (await import).Imported);
        await batch.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
    }

    /// <summary>The import is in flight once its attempt is on record; bounded, so a server that never starts it fails the test.</summary>
    private static async Task WaitForAuditAsync(SecureServer server, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!DurableLineFile.ReadLines(server.AuditLog).Any(line => System.Text.Encoding.UTF8.GetString(line).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No audit record containing {text} within 60 s.");
            await Task.Delay(50, Cancellation);
        }
    }
}
