using System.Diagnostics;
using System.Diagnostics.Metrics;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Matcher.Contracts.V1;
using Matcher.Core.Telemetry;

namespace Matcher.Server.Metrics;

/// <summary>
/// Counts and times every call by RPC and outcome: what the service answered (enrolled, duplicate_found, match,
/// candidates ...) or, for a failure, its class (refused, cancelled, error) with the status code and the stable
/// reason code. A load test compares its own counts with these.
/// </summary>
internal sealed class RpcMetricsInterceptor : Interceptor
{
    private static readonly Counter<long> Requests = MatcherMetrics.Meter.CreateCounter<long>(
        "matcher.rpc.requests", "{request}", "Calls answered, by rpc, outcome, gRPC status code and reason code.");

    private static readonly Histogram<double> Duration = MatcherMetrics.Seconds(
        "matcher.rpc.duration", "Time from a call's arrival to its answer, by rpc and outcome.");

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(request, context);
            Record(context.Method, OutcomeOf(response), StatusCode.OK, reason: null, started);
            return response;
        }
        catch (Exception exception)
        {
            RecordFailure(context.Method, exception, started);
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(requestStream, context);
            Record(context.Method, OutcomeOf(response), StatusCode.OK, reason: null, started);
            return response;
        }
        catch (Exception exception)
        {
            RecordFailure(context.Method, exception, started);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context);
            Record(context.Method, "ok", StatusCode.OK, reason: null, started);
        }
        catch (Exception exception)
        {
            RecordFailure(context.Method, exception, started);
            throw;
        }
    }

    /// <summary>The outcome a station cares about, from the answer; "ok" for RPCs whose answer has none.</summary>
    internal static string OutcomeOf(object? response) => response switch
    {
        EnrollResponse enroll => enroll.Outcome switch
        {
            EnrollOutcome.DuplicateFound => "duplicate_found",
            EnrollOutcome.EnrolledWithCandidates => "enrolled_with_candidates",
            _ => "enrolled",
        },
        VerifyResponse verify => verify.Match ? "match" : "no_match",
        IdentifyResponse identify => identify.Candidates.Count > 0 ? "candidates" : "no_candidates",
        _ => "ok",
    };

    /// <summary>Refusals are the caller's to fix (bad input, unknown subject); errors are the service's.</summary>
    internal static string OutcomeOf(StatusCode code) => code switch
    {
        StatusCode.Cancelled or StatusCode.DeadlineExceeded => "cancelled",
        StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.AlreadyExists or StatusCode.PermissionDenied
            or StatusCode.Unauthenticated or StatusCode.FailedPrecondition or StatusCode.ResourceExhausted or StatusCode.OutOfRange => "refused",
        _ => "error",
    };

    /// <summary>"matcher.v1.Matcher/Enroll" of "/matcher.v1.Matcher/Enroll" becomes "Matcher/Enroll".</summary>
    internal static string RpcName(string method)
    {
        var parts = method.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return "unknown";
        }
        var service = parts[0][(parts[0].LastIndexOf('.') + 1)..];
        return $"{service}/{parts[1]}";
    }

    private static void RecordFailure(string method, Exception exception, long started)
    {
        if (exception is RpcException rpc)
        {
            var reason = rpc.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
            Record(method, OutcomeOf(rpc.StatusCode), rpc.StatusCode, MatcherMetrics.Reason(reason), started);
        }
        else
        {
            Record(method, "error", StatusCode.Unknown, MatcherMetrics.OtherReason, started);
        }
    }

    /// <param name="reason">The failure's reason code; null for an answer, which has none.</param>
    private static void Record(string method, string outcome, StatusCode code, string? reason, long started)
    {
        var rpc = RpcName(method);
        var tags = new TagList
        {
            { "rpc", rpc },
            { "outcome", outcome },
            { "code", code.ToString() },
        };
        if (reason is not null)
        {
            tags.Add("reason", reason);
        }
        Requests.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("rpc", rpc), new KeyValuePair<string, object?>("outcome", outcome));
    }
}
