using System.Text;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Security.Audit;
using Matcher.Storage.Lines;
using Xunit;
using MatcherClient = Matcher.Contracts.V1.Matcher.MatcherClient;

namespace Matcher.Server.Tests.Security;

/// <summary>Every enroll, search and refusal is on record: who, which RPC, which subjects, the outcome and candidates; never biometric data.</summary>
public sealed class AuditTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheAuditLogRecordsWhoEnrolledAndSearchedWhomAndItsChainVerifies()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        var station = new MatcherClient(server.As(SecureServer.OpenStation));
        var enrolledSample = Samples.IsoTemplate("DB1_B", 101, 1);
        await station.EnrollAsync(new EnrollRequest { Gallery = "west", SubjectId = "P101", Samples = Samples.Of(enrolledSample) }, cancellationToken: Cancellation);
        var found = await station.IdentifyAsync(new IdentifyRequest { Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 2)) }, cancellationToken: Cancellation);
        Assert.Equal("P101", found.Candidates.Single().SubjectId);
        await Assert.ThrowsAsync<RpcException>(async () =>
            await new MatcherClient(server.Connect()).DeleteAsync(new DeleteRequest { Gallery = "west", SubjectId = "P101" }, cancellationToken: Cancellation));

        var audit = new Contracts.V1.Audit.AuditClient(server.As(SecureServer.Auditor));
        var records = (await audit.QueryAuditAsync(new QueryAuditRequest { SubjectId = "P101" }, cancellationToken: Cancellation)).Records;

        Assert.Equal(["Enroll attempt ", "Enroll outcome OK", "Identify outcome OK", "Delete attempt ", "Delete outcome UNAUTHENTICATED"],
            records.Select(r => $"{r.Rpc.Split('/')[^1]} {r.Phase} {r.Outcome}"));
        Assert.All(records.Take(3), r => Assert.Equal((SecureServer.OpenStation, "certificate", "station"), (r.Actor, r.Credential, r.Role)));
        Assert.Equal("ENROLLED", records[1].Decision);
        Assert.Equal(("west", "P101"), (records[1].Subjects.Single().Gallery, records[1].Subjects.Single().SubjectId));
        Assert.Equal(("west", "P101"), (records[2].Candidates.Single().Gallery, records[2].Candidates.Single().SubjectId));
        Assert.All(records.Skip(3), r => Assert.Equal(("unauthenticated", "none", ""), (r.Actor, r.Credential, r.Role)));
        Assert.All(records, r => Assert.StartsWith("ipv4:127.0.0.1:", r.Peer));
        Assert.True(records.Zip(records.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));

        var verification = await audit.VerifyAuditAsync(new VerifyAuditRequest(), cancellationToken: Cancellation);
        Assert.True(verification.Intact, verification.Problem);
        // The verification's own record is written after it counted.
        Assert.Equal((ulong)DurableLineFile.ReadLines(server.AuditLog).Count() - 1, verification.IntactRecords);
        var logBytes = File.ReadAllBytes(server.AuditLog);
        Assert.Equal(-1, logBytes.AsSpan().IndexOf(enrolledSample.Template.Data.Span[..64]));
        Assert.DoesNotContain("score", Encoding.UTF8.GetString(logBytes), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnEditedOrRemovedAuditRecordBreaksTheChain()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        var station = new MatcherClient(server.As(SecureServer.OpenStation));
        foreach (var finger in new[] { 102, 103, 104 })
        {
            await station.EnrollAsync(new EnrollRequest { SubjectId = $"P{finger}", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", finger, 1)) },
                cancellationToken: Cancellation);
        }
        var lines = DurableLineFile.ReadLines(server.AuditLog).ToList();
        Assert.Equal(6, lines.Count);
        var key = AuditKey.Load(server.Pki.AuditKeyFile);
        Assert.True(AuditChain.Verify(lines, [key]).IsIntact);

        var edited = lines.ToList();
        edited[3] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(edited[3]).Replace("P103", "P999"));
        var removed = lines.Where((_, i) => i != 2).ToList();

        var afterEdit = AuditChain.Verify(edited, [key]);
        Assert.Equal((4L, 4L), (afterEdit.Break!.Line, afterEdit.Break.Sequence));
        Assert.Contains("does not match its hash", afterEdit.Break.Problem);
        var afterRemoval = AuditChain.Verify(removed, [key]);
        Assert.Equal((3L, 4L), (afterRemoval.Break!.Line, afterRemoval.Break.Sequence));
        Assert.Contains("record 4 where record 3 belongs", afterRemoval.Break.Problem);
    }
}
