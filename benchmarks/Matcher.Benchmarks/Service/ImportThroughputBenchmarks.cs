using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Matcher.Benchmarks.Storage;
using Matcher.Contracts.V1;
using Matcher.Testing;

namespace Matcher.Benchmarks.Service;

/// <summary>
/// Bulk import over loopback gRPC into the real server (production setup, its own temporary data directory, every
/// subject fsynced before the response): one client stream of subjects with ten ISO 19794-2 templates and a 512-d face
/// embedding each, the same applicants as <see cref="EnrollmentThroughputBenchmarks"/>. The client serialises its
/// messages on the same two cores the server works on. Subjects/s = 1 / the reported time per subject.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*ImportThroughputBenchmarks*'
/// </summary>
[Config(typeof(GroupCommitBenchmarks.ShortInProcessConfig))]
public class ImportThroughputBenchmarks
{
    private const int SubjectsPerInvoke = 16_384;
    private const int DistinctApplicants = 4096;

    private BenchmarkServer service = null!;
    private Samples[] applicants = [];
    private int nextSubject;
    private TimeSpan processorTimeAtStart;

    [GlobalSetup]
    public void Setup()
    {
        service = new BenchmarkServer("import");
        var modelId = service.FaceModelId;
        var synthetic = SyntheticApplicants.Generate(DistinctApplicants, seed: 3000);
        applicants = Enumerable.Range(0, synthetic.Count).Select(a => EnrollmentThroughputBenchmarks.SamplesOf(synthetic, a, modelId)).ToArray();
        processorTimeAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ProcessorTime.Report(processorTimeAtStart, nextSubject);
        service.Dispose();
    }

    [Benchmark(OperationsPerInvoke = SubjectsPerInvoke)]
    public async Task<ulong> InsertOnlyImport()
    {
        using var call = new Contracts.V1.Matcher.MatcherClient(service.Channel).ImportSubjects();
        for (var i = 0; i < SubjectsPerInvoke; i++)
        {
            var subject = ++nextSubject;
            await call.RequestStream.WriteAsync(new ImportSubjectRequest { SubjectId = $"S{subject:D8}", Samples = applicants[subject % applicants.Length] });
        }
        await call.RequestStream.CompleteAsync();
        var response = await call;
        return response.Imported != SubjectsPerInvoke ? throw new InvalidOperationException($"Only {response.Imported} subjects were imported.") : response.Imported;
    }
}
