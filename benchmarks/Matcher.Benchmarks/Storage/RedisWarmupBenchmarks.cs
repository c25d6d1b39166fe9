using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;

namespace Matcher.Benchmarks.Storage;

/// <summary>
/// Warm start: every subject streamed out of a real redis-server (loopback, started here) into memory, as a node with
/// an empty data directory does. Subjects are ~2.6 KiB (two native templates of 25-60 minutiae, one 512-d face).
/// Setup loads Redis through the cache's rebuild path and prints its rate; each warm-up prints seconds, MB/s and the
/// process's peak working set. Needs ~3 GB in Redis plus ~3 GB here for 1,000,000 subjects.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*RedisWarmupBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SingleShotConfig))]
public class RedisWarmupBenchmarks
{
    private RedisBenchmarkServer server = null!;
    private RedisCache cache = null!;
    private long payloadBytes;

    [Params(100_000, 1_000_000)]
    public int Subjects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        server = new RedisBenchmarkServer();
        cache = RedisCache.ConnectAsync(new RedisCacheOptions { ConnectionString = $"127.0.0.1:{server.Port},syncTimeout=30000,asyncTimeout=30000" })
            .GetAwaiter().GetResult();
        var subjects = RedisSyntheticSubjects.Generate(Subjects, seed: 2026, "civil", "border");
        var clock = Stopwatch.StartNew();
        cache.RebuildAsync(subjects.Select(CountBytes), [], Subjects).GetAwaiter().GetResult();
        Console.WriteLine($"// Loaded {Subjects:N0} subjects ({payloadBytes / 1e6:N0} MB) into Redis in {clock.Elapsed.TotalSeconds:N1} s " +
            $"(generation included), {payloadBytes / 1e6 / clock.Elapsed.TotalSeconds:N0} MB/s.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// redis-server peak resident memory {server.PeakResidentBytes / 1e6:N0} MB; " +
            $"benchmark process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB.");
        cache.DisposeAsync().AsTask().GetAwaiter().GetResult();
        server.Dispose();
    }

    /// <summary>Keeps every payload (its own buffer, no copy), so the peak working set includes them all.</summary>
    [Benchmark]
    public async Task<int> WarmUpIntoMemory()
    {
        var clock = Stopwatch.StartNew();
        var kept = new List<StoredSubject>(Subjects);
        long bytes = 0;
        await foreach (var subject in cache.ReadAllAsync())
        {
            kept.Add(subject);
            bytes += subject.Payload.Length;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"// Warmed {kept.Count:N0} subjects, {bytes / 1e6:N0} MB in {seconds:N2} s = {bytes / 1e6 / seconds:N0} MB/s, " +
            $"{kept.Count / seconds:N0} subjects/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB.");
        return kept.Count;
    }

    private StoredSubject CountBytes(StoredSubject subject)
    {
        payloadBytes += subject.Payload.Length;
        return subject;
    }

    /// <summary>One warm-up and three measured runs in-process: each run moves gigabytes, and the two cores are shared.</summary>
    public sealed class SingleShotConfig : ManualConfig
    {
        public SingleShotConfig() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3));
    }
}
