using Matcher.Enrollment.Requests;
using Matcher.Enrollment.Subjects;
using Matcher.Enrollment.WarmStart;
using Matcher.Gallery;
using Matcher.Redis.Options;
using Matcher.Sealing.Keys;
using Microsoft.Extensions.Logging;

namespace Matcher.Enrollment;

/// <summary>
/// The service core as one unit a host opens and disposes: the durable subject store, the registry that serves
/// requests from it, and the optional Redis warm cache. Opening replays the data directory; a damaged one stops the
/// start with <see cref="Storage.Log.LogCorruptedException"/>, one sealed with another master key (or sealed when no
/// key is given, or plaintext when one is) with <see cref="Sealing.SealingException"/>.
/// </summary>
public sealed class EnrollmentCore : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;
    private readonly MasterKey? _masterKey;

    private EnrollmentCore(EnrollmentOptions options, SubjectIndex index, TimeProvider clock, ILoggerFactory loggers)
    {
        _loggers = loggers;
        _masterKey = options.MasterKey;
        var storeOptions = new SubjectStoreOptions(Path.GetFullPath(options.DataDirectory), options.SnapshotEveryRecords, options.RequestIdTimeToLive,
            options.MasterKey);
        Store = SubjectStore.Open(storeOptions, index, clock, loggers.CreateLogger<SubjectStore>());
        var requests = new EnrollmentRequests(Store, CacheHost, new RequestIdLocks(), clock, loggers.CreateLogger<EnrollmentRequests>());
        Registry = new SubjectRegistry(Store, requests, clock, loggers.CreateLogger<SubjectRegistry>());
    }

    public SubjectRegistry Registry { get; }

    internal SubjectStore Store { get; }

    internal WarmCacheHost CacheHost { get; } = new();

    public static EnrollmentCore Open(EnrollmentOptions options, SubjectIndex index, TimeProvider clock, ILoggerFactory loggers) =>
        new(options, index, clock, loggers);

    /// <summary>
    /// Connects the Redis warm cache: an empty data directory is filled from Redis, an existing log is reconciled with it.
    /// </summary>
    /// <exception cref="WarmStartRefusedException">The node must not start: its data directory is empty and Redis could not fill it.</exception>
    public async Task StartWarmCacheAsync(RedisCacheOptions options, CancellationToken cancellation)
    {
        var startup = new WarmCacheStartup(Store, options, _masterKey, _loggers.CreateLogger<WarmCache>());
        CacheHost.Attach(await startup.StartAsync(cancellation));
    }

    public async ValueTask DisposeAsync()
    {
        await CacheHost.DisposeAsync();
        await Store.DisposeAsync();
    }
}
