using BenchmarkDotNet.Attributes;
using Matcher.Face;
using Matcher.Testing;

namespace Matcher.Benchmarks.Face;

/// <summary>
/// Decode-to-embedding of 250x250 LFW JPEGs: one image on one thread (latency; target at most 15 ms), and a batch of
/// 64 through <see cref="FaceEngine.ExtractBatch"/> on all cores (throughput; target at least 120 images/s on two
/// cores, i.e. at most 8.3 ms per image in the Batch rows, which report time per image). Liveness on and off, since it
/// is about a quarter of the inference work.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*FaceExtractionBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class FaceExtractionBenchmarks
{
    private const int BatchSize = 64;

    private FaceEngine _engine = null!;
    private byte[][] _images = [];
    private List<ReadOnlyMemory<byte>> _batch = [];
    private int _next;

    [Params(false, true)]
    public bool Liveness { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = FaceEngine.Load(new FaceEngineOptions
        {
            ModelDirectory = Path.Combine(Datasets.RepositoryRoot, "models"),
            ComputeLiveness = Liveness,
            RejectUnusable = false,
        });
        _images = Directory.EnumerateFiles(Path.Combine(Datasets.Root, "faces", "lfw", "lfw-deepfunneled"), "*.jpg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Take(BatchSize)
            .Select(File.ReadAllBytes)
            .ToArray();
        _batch = _images.Select(i => new ReadOnlyMemory<byte>(i)).ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark]
    public FaceSample SingleImageOneThread() => _engine.Extract(_images[_next++ % _images.Length]);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public IReadOnlyList<FaceExtraction> BatchAllCores() => _engine.ExtractBatch(_batch);
}
