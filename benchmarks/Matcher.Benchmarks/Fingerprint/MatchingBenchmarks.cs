using BenchmarkDotNet.Attributes;
using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;

namespace Matcher.Benchmarks.Fingerprint;

/// <summary>
/// Fingerprint matching speed on FVC2002 DB1_B ISO templates: one prepared probe against all 80 candidates (7 genuine,
/// 73 impostor, like a small 1:N), building a probe, and a scan of a 10,000-template packed gallery.
/// Reported times are per comparison / per probe / per gallery template (OperationsPerInvoke).
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*MatchingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private const int GallerySize = 10_000;

    private FingerprintTemplate[] _templates = [];
    private PreparedProbe[] _probes = [];
    private MatchCandidate[] _candidates = [];
    private FingerprintGallery _gallery = new();
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _templates = IsoTemplates.Db1();
        _probes = _templates.Select(t => new PreparedProbe(t)).ToArray();
        _candidates = _templates.Select(t => new MatchCandidate(t)).ToArray();
        _gallery = new FingerprintGallery();
        foreach (var template in IsoTemplates.Jittered(_templates, GallerySize, seed: 42))
        {
            _gallery.Add(template);
        }
    }

    [Benchmark(OperationsPerInvoke = 80)]
    public double PreparedProbeComparison()
    {
        var probe = _probes[_next++ % _probes.Length];
        var sum = 0.0;
        foreach (var candidate in _candidates)
        {
            sum += FingerprintMatcher.Compare(probe, candidate);
        }
        return sum;
    }

    [Benchmark]
    public PreparedProbe ProbePreparation() => new(_templates[_next++ % _templates.Length]);

    [Benchmark(OperationsPerInvoke = GallerySize)]
    public IReadOnlyList<GalleryHit> GalleryScanTop10() => _gallery.Scan(_probes[_next++ % _probes.Length], 10);
}
