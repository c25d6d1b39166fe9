using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Security.Audit;
using Matcher.Server.Errors;
using Matcher.Storage.Lines;
using AuditRecord = Matcher.Security.Audit.AuditRecord;
using AuditSubject = Matcher.Security.Audit.AuditSubject;

namespace Matcher.Server.Security.Audit;

/// <summary>The audit log for auditors: filtered reading in log order, and a check of the whole chain.</summary>
internal sealed class AuditService(AuditTrail trail, AuditKeys keys) : Contracts.V1.Audit.AuditBase
{
    private const int DefaultMaxRecords = 1000;
    private const int MostRecords = 100_000;

    public override Task<QueryAuditResponse> QueryAudit(QueryAuditRequest request, ServerCallContext context)
    {
        if (request.MaxRecords > MostRecords)
        {
            throw new InvalidRequestException("max_records", $"At most {MostRecords} records can be asked for at once; got {request.MaxRecords}.");
        }
        var limit = request.MaxRecords == 0 ? DefaultMaxRecords : (int)request.MaxRecords;
        var filter = new AuditFilter
        {
            AfterSequence = (long)Math.Min(request.AfterSequence, long.MaxValue),
            Since = request.Since?.ToDateTimeOffset(),
            Until = request.Until?.ToDateTimeOffset(),
            Actor = request.Actor,
            Rpc = request.Rpc,
            Gallery = request.Gallery,
            SubjectId = request.SubjectId,
        };
        List<AuditRecord> found;
        try
        {
            found = filter.Select(DurableLineFile.ReadLines(trail.Path), limit + 1).ToList();
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.DataLoss, $"The audit log has a damaged record ({e.Message}); run VerifyAudit to see where."));
        }
        var response = new QueryAuditResponse { More = found.Count > limit };
        response.Records.AddRange(found.Take(limit).Select(ToContract));
        return Task.FromResult(response);
    }

    public override Task<VerifyAuditResponse> VerifyAudit(VerifyAuditRequest request, ServerCallContext context)
    {
        var verification = AuditChain.Verify(DurableLineFile.ReadLines(trail.Path), keys.All);
        return Task.FromResult(new VerifyAuditResponse
        {
            Intact = verification.IsIntact,
            IntactRecords = (ulong)verification.IntactRecords,
            HeadHash = verification.HeadHash,
            BrokenLine = (ulong)(verification.Break?.Line ?? 0),
            BrokenSequence = (ulong)Math.Max(0, verification.Break?.Sequence ?? 0),
            Problem = verification.Break?.Problem ?? "",
        });
    }

    private static Contracts.V1.AuditRecord ToContract(AuditRecord record) => new()
    {
        Sequence = (ulong)record.Sequence,
        Time = Timestamp.FromDateTimeOffset(record.Time),
        Host = record.Host,
        Actor = record.Actor,
        Credential = record.Credential,
        Role = record.Role,
        Rpc = record.Rpc,
        Phase = AuditLineCodec.PhaseName(record.Phase),
        Outcome = record.Outcome,
        Decision = record.Decision,
        Galleries = { record.Galleries },
        Subjects = { record.Subjects.Select(ToContract) },
        Candidates = { record.Candidates.Select(ToContract) },
        Detail = record.Detail,
        Peer = record.Peer,
    };

    private static Contracts.V1.AuditSubject ToContract(AuditSubject subject) => new() { Gallery = subject.Gallery, SubjectId = subject.SubjectId };
}
