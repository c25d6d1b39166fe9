using BenchmarkDotNet.Attributes;
using Matcher.Benchmarks.Storage;
using Matcher.Core.Subjects;
using Matcher.Enrollment;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Benchmarks.Service;

/// <summary>
/// The enrollment core without gRPC: insert-only enrollments of ten decoded templates and a 512-d face each through
/// <see cref="SubjectRegistry"/>, every one fsynced before it completes, from concurrent callers sharing group commits.
/// Beside <see cref="EnrollmentThroughputBenchmarks"/> it shows what the transport and template import cost.
/// Enrollments/s = 1 / the reported time per enrollment.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*EnrollmentCoreBenchmarks*'
/// </summary>
[Config(typeof(GroupCommitBenchmarks.ShortInProcessConfig))]
public class EnrollmentCoreBenchmarks
{
    private const int EnrollmentsPerInvoke = 2048;

    private string dataDirectory = "";
    private SubjectIndex index = null!;
    private EnrollmentCore core = null!;
    private SubjectSamples[] applicants = [];
    private int nextSubject;

    [Params(1, 16, 64)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        dataDirectory = Directory.CreateTempSubdirectory("matcher-core-bench-").FullName;
        index = new SubjectIndex(new GalleryOptions { Modalities = [new FingerprintIndexFactory(), new FaceIndexFactory(cosine => 100 * cosine)] });
        core = EnrollmentCore.Open(new EnrollmentOptions(dataDirectory, 100_000, TimeSpan.FromHours(24)), index, TimeProvider.System,
            NullLoggerFactory.Instance);
        var synthetic = SyntheticApplicants.Generate(EnrollmentsPerInvoke, seed: 3000);
        applicants = Enumerable.Range(0, synthetic.Count).Select(a => new SubjectSamples(
        [
            .. synthetic.Fingers[a].Select((template, finger) => (EnrolledSample)new EnrolledFinger(finger + 1, template, 60)),
            new EnrolledFace("synthetic", synthetic.Faces[a], 80),
        ])).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        core.DisposeAsync().AsTask().GetAwaiter().GetResult();
        index.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = EnrollmentsPerInvoke)]
    public Task InsertOnlyEnrollments() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < EnrollmentsPerInvoke / Callers; i++)
        {
            var subject = Interlocked.Increment(ref nextSubject);
            var samples = applicants[subject % applicants.Length];
            await core.Registry.EnrollAsync(
                new EnrollmentCommand(new SubjectKey("default", $"S{subject:D8}"), EnrollmentMode.InsertOnly, 10, 0.01, null),
                _ => samples, _ => [], CancellationToken.None);
        }
    })));
}
