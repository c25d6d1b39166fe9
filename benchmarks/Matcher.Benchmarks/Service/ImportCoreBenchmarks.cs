using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Matcher.Benchmarks.Storage;
using Matcher.Core.Subjects;
using Matcher.Enrollment;
using Matcher.Enrollment.Import;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Gallery;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Benchmarks.Service;

/// <summary>
/// Bulk import through the enrollment core without gRPC: one stream of subjects (ten fingerprint templates and a 512-d
/// face each) through <see cref="SubjectRegistry.ImportAsync"/>, every subject fsynced before the import returns.
/// <see cref="FromIso"/> decodes the ten ISO 19794-2 templates of each subject in the import's reading stage, as the
/// service does; without it the templates come decoded and what is measured is staging, indexing and the log.
/// Beside <see cref="ImportThroughputBenchmarks"/> it shows what the transport costs. Subjects/s = 1 / the reported
/// time per subject.
/// Run: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*ImportCoreBenchmarks*'
/// </summary>
[Config(typeof(GroupCommitBenchmarks.ShortInProcessConfig))]
public class ImportCoreBenchmarks
{
    private const int SubjectsPerInvoke = 16_384;
    private const int DistinctApplicants = 4096;

    private string dataDirectory = "";
    private SubjectIndex index = null!;
    private EnrollmentCore core = null!;
    private SyntheticApplicants synthetic = null!;
    private byte[][][] isoTemplates = [];
    private int nextSubject;
    private TimeSpan processorTimeAtStart;

    [Params(false, true)]
    public bool FromIso { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        dataDirectory = Directory.CreateTempSubdirectory("matcher-import-core-bench-").FullName;
        index = new SubjectIndex(new GalleryOptions { Modalities = [new FingerprintIndexFactory(), new FaceIndexFactory(cosine => 100 * cosine)] });
        core = EnrollmentCore.Open(new EnrollmentOptions(dataDirectory, 100_000, TimeSpan.FromHours(24)), index, TimeProvider.System,
            NullLoggerFactory.Instance);
        synthetic = SyntheticApplicants.Generate(DistinctApplicants, seed: 3000);
        isoTemplates = synthetic.Fingers
            .Select(fingers => fingers.Select((template, finger) => TemplateCodecs.Export(template, TemplateFormat.Iso19794_2_2005, finger + 1)).ToArray())
            .ToArray();
        processorTimeAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ProcessorTime.Report(processorTimeAtStart, nextSubject);
        core.DisposeAsync().AsTask().GetAwaiter().GetResult();
        index.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = SubjectsPerInvoke)]
    public async Task<long> InsertOnlyImport()
    {
        var report = await core.Registry.ImportAsync(Subjects(), [], ImportOptions.Default, CancellationToken.None);
        return report.Imported != SubjectsPerInvoke ? throw new InvalidOperationException($"Only {report.Imported} subjects were imported.") : report.Imported;
    }

    private async IAsyncEnumerable<ImportItem> Subjects()
    {
        for (var i = 0; i < SubjectsPerInvoke; i++)
        {
            var subject = ++nextSubject;
            var applicant = subject % DistinctApplicants;
            var key = new SubjectKey("default", $"S{subject:D8}");
            yield return new ImportItem(i, key.SubjectId, key.Gallery, _ => new ImportSubject(key, SamplesOf(applicant), null));
        }
        await Task.CompletedTask;
    }

    private SubjectSamples SamplesOf(int applicant)
    {
        var fingers = FromIso
            ? isoTemplates[applicant].Select(iso => TemplateCodecs.Import(iso)[0].Template).ToArray()
            : synthetic.Fingers[applicant];
        return new SubjectSamples(
        [
            .. fingers.Select((template, finger) => (EnrolledSample)new EnrolledFinger(finger + 1, template, 60)),
            new EnrolledFace("synthetic", synthetic.Faces[applicant], 80),
        ]);
    }
}
