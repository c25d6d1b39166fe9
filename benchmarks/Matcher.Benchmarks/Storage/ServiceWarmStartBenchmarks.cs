using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Matcher.Enrollment;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Benchmarks.Storage;

/// <summary>
/// The service's warm start: a node with an empty data directory fills its shards from a real redis-server (loopback,
/// started here) and writes the snapshot that starts its local log, through the same start-up code the server runs
/// (decode and validate every record, index it, write it). Subjects are one unit-length 512-d face embedding and two
/// fingerprint templates of 25-60 minutiae each (~2.6 KiB), from a fixed seed. Each run prints seconds, MB/s and the
/// process's peak working set, and the processor time this process and redis-server used, which other load on a
/// shared machine does not inflate the way it does seconds. Needs ~3 GB in Redis, ~7 GB here and ~3 GB of disk for
/// 1,000,000 subjects.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*ServiceWarmStartBenchmarks*'
/// </summary>
[Config(typeof(RedisWarmupBenchmarks.SingleShotConfig))]
public class ServiceWarmStartBenchmarks
{
    private RedisBenchmarkServer server = null!;
    private long payloadBytes;
    private string dataDirectory = "";

    [Params(100_000, 1_000_000)]
    public int Subjects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        server = new RedisBenchmarkServer();
        var cache = RedisCache.ConnectAsync(new RedisCacheOptions { ConnectionString = ConnectionString }).GetAwaiter().GetResult();
        var subjects = RedisSyntheticSubjects.Generate(Subjects, seed: 2026, "civil", "border").Select(s =>
        {
            payloadBytes += s.Payload.Length;
            return s;
        });
        cache.RebuildAsync(subjects, [], Subjects).GetAwaiter().GetResult();
        cache.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"// Redis holds {Subjects:N0} subjects, {payloadBytes / 1e6:N0} MB of records.");
    }

    [IterationSetup]
    public void CreateDataDirectory() => dataDirectory = Directory.CreateTempSubdirectory("matcher-warm-bench-").FullName;

    [IterationCleanup]
    public void DeleteDataDirectory() => Directory.Delete(dataDirectory, recursive: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// redis-server peak resident memory {server.PeakResidentBytes / 1e6:N0} MB.");
        server.Dispose();
    }

    [Benchmark]
    public async Task<long> WarmStartIntoShards()
    {
        using var index = new SubjectIndex(new GalleryOptions
        {
            Modalities = [new FingerprintIndexFactory(), new FaceIndexFactory(cosine => 100 * cosine)],
        });
        var clock = Stopwatch.StartNew();
        var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var redisBefore = server.ProcessorTime;
        await using var core = EnrollmentCore.Open(new EnrollmentOptions(dataDirectory, 100_000, TimeSpan.FromHours(24)),
            index, TimeProvider.System, NullLoggerFactory.Instance);
        await core.StartWarmCacheAsync(new RedisCacheOptions { ConnectionString = ConnectionString }, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var processor = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        var redisProcessor = server.ProcessorTime - redisBefore;
        Console.WriteLine($"// Warm start of {index.Count:N0} subjects, {payloadBytes / 1e6:N0} MB, into {index.ShardCount} shards per gallery: " +
            $"{seconds:N2} s = {payloadBytes / 1e6 / seconds:N0} MB/s, {index.Count / seconds:N0} subjects/s; " +
            $"processor {processor.TotalSeconds:N1} s here + {redisProcessor.TotalSeconds:N1} s in redis-server; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB, index {index.MemoryBytes / 1e6:N0} MB.");
        return index.Count;
    }

    private string ConnectionString => $"127.0.0.1:{server.Port},syncTimeout=30000,asyncTimeout=30000";
}
