using BenchmarkDotNet.Attributes;
using Matcher.Fingerprint.Extraction;
using Matcher.Imaging;
using Matcher.Testing;

namespace Matcher.Benchmarks.Fingerprint;

/// <summary>
/// Minutiae extraction of one FVC2002 image per database, on one thread, after warm-up (per-thread working memory is
/// reused, so the allocation column shows what one extraction really costs). DB2_B includes the 569 -> 500 dpi rescale.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*ExtractionBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ExtractionBenchmarks
{
    private readonly FingerprintExtractor extractor = new();
    private GrayImage image = null!;
    private int dpi;

    [Params("DB1_B", "DB2_B", "DB3_B", "DB4_B")]
    public string Database { get; set; } = "DB1_B";

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Datasets.Root, "fingerprints", "fvc2002", Database, "102_1.tif");
        image = ImageDecoder.DecodeGray(File.ReadAllBytes(path));
        dpi = Database == "DB2_B" ? 569 : 500;
    }

    [Benchmark]
    public ExtractionResult Extract() => extractor.Extract(image, dpi);
}
