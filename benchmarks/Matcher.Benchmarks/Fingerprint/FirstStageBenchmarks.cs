using BenchmarkDotNet.Attributes;
using Matcher.Benchmarks.Simd;
using Matcher.Core.Scoring;
using Matcher.Fingerprint.Descriptors;
using Matcher.Population;
using Matcher.Simd.Bits;

namespace Matcher.Benchmarks.Fingerprint;

/// <summary>
/// The fingerprint first stage on one core over one million finger descriptors (136 MB: 128 bytes of bits and 8 of
/// norms each, far beyond any cache): the popcount kernel alone, the whole per-row scoring, and a plain read of the
/// same bits as the memory-bandwidth floor. Descriptors per second = 1,000,000 / time.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*FirstStageBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Int8ScanBenchmarks.ShortInProcessConfig))]
public class FirstStageBenchmarks
{
    private const int Rows = 1_000_000;
    private const int Words = FingerDescriptor.Bits / 64;
    private const int BlockProbes = 16;

    private readonly DescriptorColumn _column = new();
    private readonly ulong[] _bits = new ulong[Rows * Words];
    private readonly int[] _shared = new int[Rows];
    private readonly float[] _evidence = new float[Rows];
    private FingerDescriptor _probe = null!;
    private (FingerDescriptor, DescriptorNorm)[] _block = [];
    private float[][] _blockEvidence = [];
    private ScoreTable _scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A thousand distinct synthetic thumbs repeated: the scan's cost does not depend on which bits are set.
        var generator = PopulationGenerator.Create(seed: 7);
        var distinct = Enumerable.Range(0, 1000).Select(i => FingerDescriptor.Of(generator.Generate(i).Finger(1))).ToArray();
        for (var row = 0; row < Rows; row++)
        {
            var descriptor = distinct[row % distinct.Length];
            _column.Set(row, descriptor, FirstStageScan.Background.NormOf(descriptor));
            descriptor.Words.CopyTo(_bits, row * Words);
        }
        _probe = FingerDescriptor.Of(generator.Generate(5000).Finger(1));
        _block = Enumerable.Range(5000, BlockProbes).Select(i => FingerDescriptor.Of(generator.Generate(i).Finger(1)))
            .Select(d => (d, FirstStageScan.Background.NormOf(d))).ToArray();
        _blockEvidence = Enumerable.Range(0, BlockProbes).Select(_ => new float[Rows]).ToArray();
        _scores = FirstStageScan.Scores;
    }

    [Benchmark(Baseline = true, Description = "read the bits (bandwidth floor)")]
    public ulong ReadBits()
    {
        ulong sum = 0;
        foreach (var word in _bits)
        {
            sum += word;
        }
        return sum;
    }

    [Benchmark(Description = "popcount of AND, widest path")]
    public int CommonBitsWidest()
    {
        CommonBits.Count(_probe.Words, _bits, _shared);
        return _shared[^1];
    }

    [Benchmark(Description = "popcount of AND, scalar POPCNT")]
    public int CommonBitsScalar()
    {
        CommonBits.CountScalar(_probe.Words, _bits, _shared);
        return _shared[^1];
    }

    [Benchmark(Description = "first-stage scores added per row")]
    public float ScoreColumn()
    {
        Array.Clear(_evidence);
        _column.AddScores(_probe, FirstStageScan.Background.NormOf(_probe), FirstStageScan.Background, _scores, _evidence);
        return _evidence[^1];
    }

    /// <summary>
    /// A dedup job's block: 16 probes ranked in one pass, each chunk read from memory once for all of them, so the
    /// arithmetic per row rather than the bandwidth sets the pace. The time is the block's; divide by 16 per probe.
    /// </summary>
    [Benchmark(Description = "first-stage scores, a block of 16 probes in one pass")]
    public float ScoreColumnBlock()
    {
        foreach (var evidence in _blockEvidence)
        {
            Array.Clear(evidence);
        }
        _column.AddScoresMany(_block, FirstStageScan.Background, _scores, _blockEvidence);
        return _blockEvidence[^1][^1];
    }
}
