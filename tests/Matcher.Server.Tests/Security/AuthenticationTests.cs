using Grpc.Core;
using Grpc.Health.V1;
using Matcher.Contracts.V1;
using Matcher.Server.Security.Authorization;
using Xunit;
using MatcherClient = Matcher.Contracts.V1.Matcher.MatcherClient;

namespace Matcher.Server.Tests.Security;

/// <summary>Mutual TLS: only callers with a certificate from the programme's authority (or a valid token beside it) get anything but health.</summary>
public sealed class AuthenticationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutACertificateEveryRpcButHealthIsRefusedAndTheGalleryIsUnchanged()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        var station = new MatcherClient(server.As(SecureServer.OpenStation));
        await station.EnrollAsync(new EnrollRequest { SubjectId = "P101", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1)) },
            cancellationToken: Cancellation);
        var anonymous = server.Connect();

        var health = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest(), cancellationToken: Cancellation);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        var served = AnyRpc.Served(server.Services).Where(m => m.ServiceName != "grpc.health.v1.Health").ToList();
        Assert.Contains(served, m => m.FullName == "/matcher.v1.Matcher/Delete");
        foreach (var method in served)
        {
            var refused = await AnyRpc.CallEmpty(anonymous, method);
            Assert.True(refused?.StatusCode == StatusCode.Unauthenticated, $"{method.FullName} answered {refused?.StatusCode.ToString() ?? "OK"} without a certificate.");
            Assert.Contains("client certificate", refused!.Status.Detail);
        }
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, SecurityRefusal.UnauthenticatedReason, async () =>
            await new MatcherClient(anonymous).DeleteAsync(new DeleteRequest { SubjectId = "P101" }, cancellationToken: Cancellation));

        var stats = await new MatcherClient(server.As(SecureServer.Admin)).GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal(1ul, stats.Subjects);
    }

    [Fact]
    public async Task CertificatesFromAnotherAuthorityOrExpiredAreRefused()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        var stranger = server.Connect(server.Pki.Client(SecureServer.Admin, selfSigned: true));
        var expired = server.Connect(server.Pki.Client(SecureServer.Admin, notAfter: DateTimeOffset.UtcNow.AddMinutes(-5)));

        foreach (var calls in new[] { stranger, expired })
        {
            var status = await RpcAssert.FailsWith(StatusCode.Unauthenticated, SecurityRefusal.UnauthenticatedReason, async () =>
                await new MatcherClient(calls).GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation));
            Assert.Contains("certificate was refused", status.Message);
        }
    }

    [Fact]
    public async Task ACertificateNotRegisteredForARoleMayCallNothing()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        var unknown = server.As("station-unregistered");

        var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
            await new MatcherClient(unknown).GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation));
        Assert.Contains("station-unregistered has no role", status.Message);
    }

    [Fact]
    public async Task UnderMutualTlsATokenAloneIsNotEnough()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        var tokenOnly = server.Connect(token: server.Pki.Token("operator-7", "admin"));
        var tokenAndCertificate = server.Connect(server.Pki.Client("any-batch-machine"), server.Pki.Token("operator-7", "admin"));

        await RpcAssert.FailsWith(StatusCode.Unauthenticated, SecurityRefusal.UnauthenticatedReason, async () =>
            await new MatcherClient(tokenOnly).GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation));
        var stats = await new MatcherClient(tokenAndCertificate).GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal(0ul, stats.Subjects);
    }
}
