using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Matcher.Security.Audit;
using Matcher.Server.Security.Authorization;
using Matcher.Server.Security.Identity;

namespace Matcher.Server.Security.Audit;

/// <summary>
/// Puts every audited call on record, refusals included: a call that may change data gets an attempt record on disk
/// before it runs, and every audited call an outcome record on disk before its answer leaves. A record that cannot be
/// written stops the call (UNAVAILABLE): no change and no search happens off the record.
/// </summary>
internal sealed class AuditInterceptor(AuditTrail trail, TimeProvider clock, ILogger<AuditInterceptor> logger) : Interceptor
{
    private static readonly string Host = Environment.MachineName;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (KindOf(context) is not { } kind)
        {
            return await continuation(request, context);
        }
        var record = AuditFacts.OfRequest(Begin(context), request as IMessage);
        return await RunAsync(record, kind, () => continuation(request, context), response => AuditFacts.OfResponse(record, response as IMessage));
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (KindOf(context) is not { } kind)
        {
            return await continuation(requestStream, context);
        }
        var record = Begin(context);
        var audited = new AuditedRequestStream<TRequest>(requestStream, this, record);
        return await RunAsync(record, kind, () => continuation(audited, context),
            response => AuditFacts.OfResponse(audited.Remaining(record), response as IMessage), audited.Remaining);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (KindOf(context) is not { } kind)
        {
            await continuation(request, responseStream, context);
            return;
        }
        var record = AuditFacts.OfRequest(Begin(context), request as IMessage);
        await RunAsync(record, kind, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        }, _ => record);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (KindOf(context) is not { } kind)
        {
            await continuation(requestStream, responseStream, context);
            return;
        }
        var record = Begin(context);
        var audited = new AuditedRequestStream<TRequest>(requestStream, this, record);
        await RunAsync(record, kind, async () =>
        {
            await continuation(audited, responseStream, context);
            return true;
        }, _ => audited.Remaining(record), audited.Remaining);
    }

    /// <summary>Writes a progress record listing the subjects a stream has read so far.</summary>
    internal Task WriteProgressAsync(AuditRecord record) => WriteAsync(record with { Phase = AuditPhase.Progress, Time = clock.GetUtcNow() },
        "The audit log cannot be written, so the rest of the stream was not read; what was read before is on record.");

    private async Task<T> RunAsync<T>(AuditRecord record, AuditKind kind, Func<Task<T>> call, Func<T, AuditRecord> outcome,
        Func<AuditRecord, AuditRecord>? onFailure = null)
    {
        if (kind == AuditKind.Change)
        {
            await WriteAsync(record with { Phase = AuditPhase.Attempt }, "The audit log cannot be written, so the call was not carried out; nothing was changed.");
        }
        T response;
        try
        {
            response = await call();
        }
        catch (RpcException refused)
        {
            var failed = (onFailure ?? (r => r))(record);
            await WriteAsync(failed with { Phase = AuditPhase.Outcome, Outcome = StatusName(refused.StatusCode), Time = clock.GetUtcNow() },
                "The call failed and its audit record could not be written.");
            throw;
        }
        await WriteAsync(outcome(response) with { Phase = AuditPhase.Outcome, Outcome = StatusName(StatusCode.OK), Time = clock.GetUtcNow() },
            "The call was carried out but its audit record could not be written, so its answer is withheld; a retry with the same request id is safe.");
        return response;
    }

    private async Task WriteAsync(AuditRecord record, string whenUnwritable)
    {
        try
        {
            await trail.AppendAsync(record);
        }
        catch (IOException e)
        {
            logger.LogCritical("The audit log {Path} cannot be written: {Problem}", trail.Path, e.Message);
            throw SecurityRefusal.Status(Google.Rpc.Code.Unavailable, SecurityRefusal.AuditUnwritableReason, whenUnwritable).ToRpcException();
        }
    }

    private static AuditKind? KindOf(ServerCallContext context) => RpcAccessTable.Find(context.Method) is { } access
        ? access.Audit == AuditKind.None ? null : access.Audit
        : AuditKind.Read;

    private AuditRecord Begin(ServerCallContext context)
    {
        var caller = CallerIdentification.Of(context).Caller;
        return new AuditRecord
        {
            Time = clock.GetUtcNow(),
            Host = Host,
            Actor = caller?.Name ?? "unauthenticated",
            Credential = caller?.Credential ?? Caller.NoCredential,
            Role = caller?.RoleName ?? "",
            Rpc = context.Method,
            Phase = AuditPhase.Attempt,
            Peer = context.Peer,
        };
    }

    /// <summary>PERMISSION_DENIED rather than PermissionDenied: the names of the gRPC specification.</summary>
    private static string StatusName(StatusCode code) =>
        code == StatusCode.OK ? "OK" : string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : $"{char.ToUpperInvariant(c)}"));
}
