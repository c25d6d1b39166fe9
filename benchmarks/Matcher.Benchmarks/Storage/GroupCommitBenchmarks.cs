using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Matcher.Storage.Log;

namespace Matcher.Benchmarks.Storage;

/// <summary>
/// Durable appends (each acknowledged only after fsync) of 4 KB records, about one enrolled subject, with 1, 8 and
/// 64 concurrent writers sharing group commits. Appends/s = 1 / reported time per append.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*GroupCommitBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class GroupCommitBenchmarks
{
    private const int AppendsPerInvoke = 512;
    private const int PayloadBytes = 4096;

    private readonly byte[] payload = new byte[PayloadBytes];
    private string directory = null!;
    private DurableLog log = null!;

    [Params(1, 8, 64)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(77).NextBytes(payload);
        directory = Path.Combine(Path.GetTempPath(), "matcher-group-commit-bench", Guid.NewGuid().ToString("N"));
        log = DurableLog.Open(new DurableLogOptions { DataDirectory = directory }, new DiscardingTarget());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        log.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = AppendsPerInvoke)]
    public Task ConcurrentAppends() => Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < AppendsPerInvoke / Writers; i++)
        {
            await log.AppendAsync(1, payload);
        }
    })));

    private sealed class DiscardingTarget : IReplayTarget
    {
        public void RestoreSnapshotRecord(byte recordType, ReadOnlySpan<byte> payload)
        {
        }

        public void ReplayLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> payload)
        {
        }
    }

    /// <summary>
    /// In-process, so BenchmarkDotNet does not rebuild the solution's projects beside other developers' builds,
    /// and short, because the machine's two cores are shared.
    /// </summary>
    public sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8));
    }
}
