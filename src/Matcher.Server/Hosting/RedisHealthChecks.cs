using Matcher.Enrollment;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Matcher.Server.Hosting;

/// <summary>
/// The warm cache in the ASP.NET health report: Healthy while Redis receives every change, Degraded otherwise. The
/// service keeps enrolling and searching from its local log, so the cache never makes the whole service unhealthy.
/// </summary>
internal sealed class RedisCacheHealthCheck(EnrollmentCore core) : IHealthCheck
{
    public const string Name = "redis-cache";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = core.CacheHost.Require().Status;
        return Task.FromResult(status.IsHealthy ? HealthCheckResult.Healthy(status.ToString()) : HealthCheckResult.Degraded(status.ToString()));
    }
}

/// <summary>
/// The same state for the gRPC health service "redis". grpc.health.v1 knows no "degraded" (ASP.NET's Degraded counts
/// as SERVING), so this component check reports Unhealthy and is kept out of the overall status, which stays SERVING.
/// </summary>
internal sealed class RedisComponentHealthCheck(EnrollmentCore core) : IHealthCheck
{
    public const string Name = "redis";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = core.CacheHost.Require().Status;
        return Task.FromResult(status.IsHealthy ? HealthCheckResult.Healthy(status.ToString()) : HealthCheckResult.Unhealthy(status.ToString()));
    }
}
