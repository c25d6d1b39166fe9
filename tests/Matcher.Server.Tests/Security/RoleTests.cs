using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Server.Security.Authorization;
using Matcher.Server.Security.Identity;
using Microsoft.AspNetCore.Builder;
using Xunit;
using MatcherClient = Matcher.Contracts.V1.Matcher.MatcherClient;

namespace Matcher.Server.Tests.Security;

/// <summary>Each role gets exactly the RPCs the access table opens to it; a refusal changes nothing.</summary>
public sealed class RoleTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStationCannotDeleteImportOrAdministerTheCache()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        var station = server.As(SecureServer.OpenStation);
        var matcher = new MatcherClient(station);
        await matcher.EnrollAsync(new EnrollRequest { SubjectId = "P102", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 102, 1)) }, cancellationToken: Cancellation);

        var delete = await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
            await matcher.DeleteAsync(new DeleteRequest { SubjectId = "P102" }, cancellationToken: Cancellation));
        Assert.Contains($"{SecureServer.OpenStation} is a station", delete.Message);
        Assert.Contains("open to: admin", delete.Message);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
        {
            using var import = matcher.ImportSubjects(cancellationToken: Cancellation);
            try
            {
                await import.RequestStream.WriteAsync(new ImportSubjectRequest { SubjectId = "P103", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 103, 1)) }, Cancellation);
                await import.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The server may refuse before the message is sent; the refusal is read from the answer below.
            }
            await import;
        });
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
            await new Contracts.V1.Cache.CacheClient(station).RebuildCacheAsync(new RebuildCacheRequest(), cancellationToken: Cancellation));

        var subject = await new MatcherClient(server.As(SecureServer.Admin)).GetSubjectAsync(new GetSubjectRequest { SubjectId = "P102" }, cancellationToken: Cancellation);
        Assert.Equal("P102", subject.SubjectId);
        var stats = await matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal(1ul, stats.Subjects);
    }

    [Fact]
    public async Task AnAdminCannotEnrollOrSearchAndAnAuditorOnlyReadsTheAuditLog()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        var admin = new MatcherClient(server.As(SecureServer.Admin));
        var auditor = server.As(SecureServer.Auditor);

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
            await admin.EnrollAsync(new EnrollRequest { SubjectId = "P104", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 104, 1)) }, cancellationToken: Cancellation));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
            await new MatcherClient(auditor).IdentifyAsync(new IdentifyRequest { Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 104, 2)) }, cancellationToken: Cancellation));
        var audit = await new Contracts.V1.Audit.AuditClient(auditor).VerifyAuditAsync(new VerifyAuditRequest(), cancellationToken: Cancellation);
        Assert.True(audit.Intact);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.RoleReason, async () =>
            await new Contracts.V1.Audit.AuditClient(server.As(SecureServer.OpenStation)).QueryAuditAsync(new QueryAuditRequest(), cancellationToken: Cancellation));
        Assert.Equal(0ul, (await admin.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
    }

    [Fact]
    public void BatchJobsAndImportAreOpenToBatchOperatorsOnly()
    {
        string[] batch = ["/matcher.v1.Matcher/ImportSubjects", "/matcher.v1.Jobs/StartDedupJob", "/matcher.v1.Jobs/WatchJob",
            "/matcher.v1.Jobs/GetJobResults", "/matcher.v1.Jobs/CancelJob", "/matcher.v1.Jobs/ListJobs"];
        foreach (var method in batch)
        {
            Assert.Equal([Role.BatchOperator], RpcAccessTable.Find(method)!.Roles);
        }
    }

    [Fact]
    public async Task AnRpcMissingFromTheTableIsRefusedToEveryRole()
    {
        await using var server = await SecureServer.StartAsync("mtls", app => app.MapGrpcService<UnlistedService>());
        Assert.Null(RpcAccessTable.Find(UnlistedService.TouchMethod.FullName));

        foreach (var caller in new[] { SecureServer.Admin, SecureServer.OpenStation, SecureServer.BatchOperator, SecureServer.Auditor })
        {
            var calls = server.As(caller);
            var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.UnlistedReason, async () =>
                await calls.AsyncUnaryCall(UnlistedService.TouchMethod, null, new CallOptions(cancellationToken: Cancellation), [1, 2, 3]));
            Assert.Contains("/matcher.test.Unlisted/Touch is not open", status.Message);
        }
        Assert.Equal(0, UnlistedService.Touched);
    }

    [Fact]
    public async Task EveryRpcTheNodeServesIsInTheAccessTable()
    {
        await using var server = await SecureServer.StartAsync("mtls");

        var served = AnyRpc.Served(server.Services).Select(m => m.FullName).ToList();

        Assert.Contains("/matcher.v1.Audit/QueryAudit", served);
        Assert.DoesNotContain(served, m => RpcAccessTable.Find(m) is null);
    }
}
