using System.Globalization;
using System.Threading.RateLimiting;
using Google.Rpc;
using Matcher.Server.Security.Authorization;
using Matcher.Server.Security.Identity;
using Matcher.Server.Security.Options;
using Microsoft.AspNetCore.RateLimiting;

namespace Matcher.Server.Security.Limits;

/// <summary>
/// Per-identity abuse limits with ASP.NET Core rate limiting: a token bucket and a concurrency limit per caller
/// (unauthenticated callers per network address), chained, with no queue. A refused call is answered as gRPC
/// RESOURCE_EXHAUSTED before it reaches any service; health probes are never limited.
/// </summary>
internal static class CallLimits
{
    public static IServiceCollection AddCallLimits(this IServiceCollection services, CallLimitOptions limits)
    {
        var rate = PartitionedRateLimiter.Create<HttpContext, string>(http => IsProbe(http)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.Calls,
                ReplenishmentPeriod = limits.Period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        var concurrency = PartitionedRateLimiter.Create<HttpContext, string>(http => IsProbe(http)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetConcurrencyLimiter(PartitionOf(http), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.ConcurrentCalls,
                QueueLimit = 0,
            }));
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(rate, concurrency);
            limiter.RejectionStatusCode = StatusCodes.Status200OK;
            limiter.OnRejected = (rejected, _) =>
            {
                Refuse(rejected, limits);
                return ValueTask.CompletedTask;
            };
        });
    }

    private static bool IsProbe(HttpContext http) => RpcAccessTable.IsProbe(http.Request.Path.Value ?? "");

    private static string PartitionOf(HttpContext http) => CallerIdentification.Of(http).Caller is { } caller
        ? $"{caller.Credential}:{caller.Name}"
        : $"unauthenticated:{http.Connection.RemoteIpAddress}";

    /// <summary>A trailers-only gRPC answer: the status travels in the headers, and no message is sent.</summary>
    private static void Refuse(OnRejectedContext rejected, CallLimitOptions limits)
    {
        var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? string.Create(CultureInfo.InvariantCulture, $" Try again in {Math.Ceiling(after.TotalSeconds):0} s.")
            : "";
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Too many calls from this caller: at most {limits.Calls} per {limits.Period} (bursts of {limits.Burst}) and {limits.ConcurrentCalls} at a time.{retry}");
        var status = SecurityRefusal.Status(Code.ResourceExhausted, SecurityRefusal.LimitReason, message);
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)Code.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = SecurityRefusal.DetailsHeader(status);
    }
}
