using System.Security.Cryptography;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Server.Security.Authorization;
using Xunit;
using MatcherClient = Matcher.Contracts.V1.Matcher.MatcherClient;

namespace Matcher.Server.Tests.Security;

/// <summary>TLS with bearer tokens: only a token from the configured issuer, for this service, signed with its key and unexpired, names a caller.</summary>
public sealed class TokenTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AValidTokenNamesTheCallerAndItsRole()
    {
        await using var server = await SecureServer.StartAsync("tls");
        var station = new MatcherClient(server.Connect(token: server.Pki.Token("station-token-1", "station")));

        var enrolled = await station.EnrollAsync(new EnrollRequest { SubjectId = "P105", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 105, 1)) },
            cancellationToken: Cancellation);

        Assert.Equal(EnrollOutcome.Enrolled, enrolled.Outcome);
        var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
            await station.DeleteAsync(new DeleteRequest { SubjectId = "P105" }, cancellationToken: Cancellation));
        Assert.Contains("station-token-1 is a station", status.Message);
    }

    [Fact]
    public async Task ExpiredForgedOrMisaddressedTokensAreRefusedAndChangeNothing()
    {
        await using var server = await SecureServer.StartAsync("tls");
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pki = server.Pki;
        var refusals = new (string Token, string Words)[]
        {
            (pki.Token("station-token-2", "station", expires: DateTime.UtcNow.AddMinutes(-10)), "expired"),
            (pki.Token("station-token-2", "station", signer: forger), "signature does not match"),
            (pki.Token("station-token-2", "station", issuer: "https://elsewhere.test"), "issuer this node does not trust"),
            (pki.Token("station-token-2", "station", audience: "another-service"), "meant for another service"),
            (pki.Token("station-token-2", "station")[..^4] + "AAAA", "signature does not match"),
        };

        foreach (var (token, words) in refusals)
        {
            var station = new MatcherClient(server.Connect(token: token));
            var status = await RpcAssert.FailsWith(StatusCode.Unauthenticated, SecurityRefusal.UnauthenticatedReason, async () =>
                await station.EnrollAsync(new EnrollRequest { SubjectId = "P106", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 106, 1)) },
                    cancellationToken: Cancellation));
            Assert.Contains(words, status.Message);
        }

        var admin = new MatcherClient(server.As(SecureServer.Admin));
        Assert.Equal(0ul, (await admin.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
    }

    [Fact]
    public async Task ATokenWithoutARoleMayCallNothing()
    {
        await using var server = await SecureServer.StartAsync("tls");
        var nobody = new MatcherClient(server.Connect(token: server.Pki.Token("someone", role: null)));

        var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
            await nobody.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation));
        Assert.Contains("someone has no role", status.Message);
    }

    [Fact]
    public async Task UnderTlsACallWithNeitherTokenNorCertificateIsRefused()
    {
        await using var server = await SecureServer.StartAsync("tls");

        var status = await RpcAssert.FailsWith(StatusCode.Unauthenticated, SecurityRefusal.UnauthenticatedReason, async () =>
            await new MatcherClient(server.Connect()).GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation));

        Assert.Contains("client certificate or a bearer token", status.Message);
    }
}
