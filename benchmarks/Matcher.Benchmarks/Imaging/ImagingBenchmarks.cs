using BenchmarkDotNet.Attributes;
using Matcher.Imaging;
using Matcher.Testing;

namespace Matcher.Benchmarks.Imaging;

/// <summary>
/// Image input on real files from the shared datasets: decoding an FVC2002 TIFF (388 x 374, uncompressed) and a
/// 250 x 250 LFW JPEG, and bringing a 569 dpi FVC2002 DB2 image (296 x 560) to 500 dpi.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*ImagingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ImagingBenchmarks
{
    private byte[] fvcTiff = null!;
    private byte[] lfwJpeg = null!;
    private GrayImage db2Image = null!;

    [GlobalSetup]
    public void Setup()
    {
        fvcTiff = File.ReadAllBytes(Path.Combine(Datasets.Root, "fingerprints", "fvc2002", "DB1_B", "102_1.tif"));
        var lfw = Path.Combine(Datasets.Root, "faces", "lfw", "lfw-deepfunneled");
        lfwJpeg = File.ReadAllBytes(Directory.EnumerateFiles(lfw, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First());
        db2Image = ImageDecoder.DecodeGray(File.ReadAllBytes(Path.Combine(Datasets.Root, "fingerprints", "fvc2002", "DB2_B", "101_1.tif")));
    }

    [Benchmark]
    public GrayImage DecodeFvcTiff() => ImageDecoder.DecodeGray(fvcTiff);

    [Benchmark]
    public RgbImage DecodeLfwJpegRgb() => ImageDecoder.DecodeRgb(lfwJpeg);

    [Benchmark]
    public GrayImage DecodeLfwJpegGray() => ImageDecoder.DecodeGray(lfwJpeg);

    [Benchmark]
    public GrayImage ScaleToDpi569To500() => Resampling.ScaleToDpi(db2Image, 569);
}
