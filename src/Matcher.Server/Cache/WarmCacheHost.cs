using Matcher.Server.Errors;

namespace Matcher.Server.Cache;

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

    /// <exception cref="RequestFailedException">The server runs without Redis.</exception>
    public WarmCache Require() => Cache ?? throw RequestFailedException.FailedPrecondition("cache.not_configured",
        "This server runs without Redis (embedded mode); set Matcher:RedisConnectionString to use the warm cache.");

    public async ValueTask DisposeAsync()
    {
        if (Cache is not null)
        {
            await Cache.DisposeAsync();
        }
    }
}
