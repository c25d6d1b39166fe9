using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Matcher.Simd.Scan;

namespace Matcher.Benchmarks.Simd;

/// <summary>
/// Brute-force face search over a 1M x 512 int8 gallery (512 MB), as one shard split across threads.
/// Comparisons/s = Rows / time per query; GB/s = Rows * 512 B / time per query.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*Int8ScanBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class Int8ScanBenchmarks
{
    private const int Dimension = 512;
    private const int K = 100;
    private const int BatchedQueries = 8;

    private Int8VectorBlock block = null!;
    private QuantizedQuery[] queries = null!;

    [Params(1_000_000)]
    public int Rows { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4242);
        block = new Int8VectorBlock(Dimension, Rows);
        var codes = new sbyte[Dimension];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(codes.AsSpan());
        for (var row = 0; row < Rows; row++)
        {
            random.NextBytes(bytes);
            block.Add(codes, 1f / 127 / 127);
        }
        queries = Enumerable.Range(0, BatchedQueries).Select(_ => block.PrepareQuery(UnitVector(random))).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => block.Dispose();

    [Benchmark(Description = "one query")]
    public ScoredRow[] OneQuery()
    {
        var parts = ScanInParts((selectors, start, count) => Int8Scan.Search(block, queries[0], selectors[0], start, count), 1);
        return Merge(parts, 0);
    }

    /// <summary>N:N style: several queries share each pass over the gallery. Reported per query.</summary>
    [Benchmark(Description = "8 queries, 4 per pass", OperationsPerInvoke = BatchedQueries)]
    public ScoredRow[] BatchedQueriesPerPass()
    {
        var parts = ScanInParts((selectors, start, count) => Int8Scan.SearchMany(block, queries, selectors, start, count), BatchedQueries);
        return Merge(parts, BatchedQueries - 1);
    }

    private TopKSelector[][] ScanInParts(Action<TopKSelector[], int, int> scan, int queryCount)
    {
        var parts = new TopKSelector[Threads][];
        var perThread = (Rows + Threads - 1) / Threads;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, part =>
        {
            parts[part] = Enumerable.Range(0, queryCount).Select(_ => new TopKSelector(K)).ToArray();
            var start = part * perThread;
            scan(parts[part], start, Math.Min(perThread, Rows - start));
        });
        return parts;
    }

    private static ScoredRow[] Merge(TopKSelector[][] parts, int query)
    {
        var merged = new TopKSelector(K);
        foreach (var part in parts)
        {
            merged.OfferAll(part[query]);
        }
        return merged.ToSortedArray();
    }

    private static float[] UnitVector(Random random)
    {
        var vector = Enumerable.Range(0, Dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
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
