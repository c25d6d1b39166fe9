using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Matcher.Benchmarks.Storage;
using Matcher.Contracts.V1;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;
using ContractTemplateFormat = Matcher.Contracts.V1.TemplateFormat;
using TemplateFormat = Matcher.Fingerprint.Templates.TemplateFormat;

namespace Matcher.Benchmarks.Service;

/// <summary>
/// Insert-only enrollments over loopback gRPC into the real server (production setup, its own temporary data
/// directory, every enrollment fsynced before it is answered), from concurrent stations each sending one request at a
/// time: ten ISO 19794-2 templates and a 512-d face embedding per applicant, no image decoding. Enrollments/s = 1 /
/// the reported time per enrollment. The server logs at Warning, as a busy node would be configured; per-request
/// Information lines would otherwise measure the console.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*EnrollmentThroughputBenchmarks*'
/// </summary>
[Config(typeof(GroupCommitBenchmarks.ShortInProcessConfig))]
public class EnrollmentThroughputBenchmarks
{
    private const int EnrollmentsPerInvoke = 2048;

    private BenchmarkServer service = null!;
    private Samples[] applicants = [];
    private int nextSubject;

    [Params(16, 64)]
    public int Stations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        service = new BenchmarkServer("enroll");
        var modelId = service.FaceModelId;
        var synthetic = SyntheticApplicants.Generate(EnrollmentsPerInvoke, seed: 3000);
        applicants = Enumerable.Range(0, synthetic.Count).Select(a => SamplesOf(synthetic, a, modelId)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        service.Dispose();
    }

    [Benchmark(OperationsPerInvoke = EnrollmentsPerInvoke)]
    public Task InsertOnlyEnrollments() => Task.WhenAll(Enumerable.Range(0, Stations).Select(_ => Task.Run(async () =>
    {
        var client = new Contracts.V1.Matcher.MatcherClient(service.Channel);
        for (var i = 0; i < EnrollmentsPerInvoke / Stations; i++)
        {
            var subject = Interlocked.Increment(ref nextSubject);
            await client.EnrollAsync(new EnrollRequest
            {
                SubjectId = $"S{subject:D8}",
                DedupMode = DedupMode.InsertOnly,
                Samples = applicants[subject % applicants.Length],
            });
        }
    })));

    internal static Samples SamplesOf(SyntheticApplicants synthetic, int applicant, string modelId)
    {
        var samples = new Samples { Face = new FaceSample { Embedding = new FaceEmbedding { ModelId = modelId, Values = { synthetic.Faces[applicant] } } } };
        for (var finger = 0; finger < SyntheticApplicants.FingersPerApplicant; finger++)
        {
            var iso = TemplateCodecs.Export(synthetic.Fingers[applicant][finger], TemplateFormat.Iso19794_2_2005, finger + 1);
            samples.Fingerprints.Add(new FingerprintSample
            {
                Position = (FingerPosition)(finger + 1),
                Template = new FingerprintTemplateData { Data = ByteString.CopyFrom(iso), Format = ContractTemplateFormat.Iso1979422005 },
            });
        }
        return samples;
    }
}
