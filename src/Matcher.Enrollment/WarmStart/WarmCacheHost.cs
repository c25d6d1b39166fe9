using Matcher.Core.Errors;

namespace Matcher.Enrollment.WarmStart;

/// <summary>The running Redis warm cache, or none in embedded mode (no connection string configured).</summary>
internal sealed class WarmCacheHost : IAsyncDisposable
{
    public WarmCache? Cache { get; private set; }

    public void Attach(WarmCache cache)
    {
        if (Cache is not null)
        {
            throw new InvalidOperationException("The warm cache is already started.");
        }
        Cache = cache;
    }

    /// <exception cref="RequestRefusedException">The server runs without Redis.</exception>
    public WarmCache Require() => Cache ?? throw RequestRefusedException.FailedPrecondition("cache.not_configured",
        "This server runs without Redis (embedded mode); set Matcher:RedisConnectionString to use the warm cache.");

    public async ValueTask DisposeAsync()
    {
        if (Cache is not null)
        {
            await Cache.DisposeAsync();
        }
    }
}
