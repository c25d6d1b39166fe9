using System.Diagnostics;
using System.Globalization;
using Matcher.Benchmarks.Scale;
using Matcher.Benchmarks.Service;
using Matcher.Core.Subjects;
using Matcher.Enrollment;
using Matcher.Enrollment.Import;
using Matcher.Enrollment.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery;
using Matcher.Sealing.Keys;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Benchmarks.Sealing;

/// <summary>
/// `sealing [--subjects N] [--rounds R]`: what encryption at rest costs, measured in one run. The kernel seals and
/// opens one encoded subject (ten fingerprint templates and a 512-d face) on one core for a second each. Then, R times
/// with plaintext and sealed alternating (so both see the same machine load): N subjects imported through the
/// enrollment core into a fresh data directory, every one fsynced, and a warm start that replays that log (no snapshot)
/// into a fresh index. Prints the median of each and the ratio sealed / plaintext.
/// </summary>
internal static class SealingCostBenchmark
{
    private const int DistinctApplicants = 2048;

    public static int Run(string[] args)
    {
        var subjects = ScaleGallery.Option(args, "--subjects", 20_000);
        var rounds = Math.Max(1, ScaleGallery.Option(args, "--rounds", 3));
        var output = Console.Out;
        var applicants = SyntheticApplicants.Generate(DistinctApplicants, seed: 4100);
        var master = MasterKey.Generate();

        var record = SubjectRecordCodec.Encode(new SubjectRecord(new SubjectKey("default", "S00000001"), SamplesOf(applicants, 1).Samples,
            DateTimeOffset.UnixEpoch));
        Kernel(record, output);

        // Not counted: the first runs compile the import and replay paths.
        ImportAndReplay(applicants, DistinctApplicants, null);
        ImportAndReplay(applicants, DistinctApplicants, master);
        var plain = new List<(double ImportPerSecond, double ReplaySeconds)>();
        var sealedRuns = new List<(double ImportPerSecond, double ReplaySeconds)>();
        for (var round = 0; round < rounds; round++)
        {
            plain.Add(ImportAndReplay(applicants, subjects, null));
            sealedRuns.Add(ImportAndReplay(applicants, subjects, master));
        }
        var plainImport = Median(plain.Select(r => r.ImportPerSecond));
        var sealedImport = Median(sealedRuns.Select(r => r.ImportPerSecond));
        var plainReplay = Median(plain.Select(r => r.ReplaySeconds));
        var sealedReplay = Median(sealedRuns.Select(r => r.ReplaySeconds));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import of {subjects} subjects ({record.Length} B each), median of {rounds}: plaintext {plainImport:0} subjects/s, sealed {sealedImport:0} subjects/s, ratio {sealedImport / plainImport:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm start replaying {subjects} log records, median of {rounds}: plaintext {plainReplay:0.000} s ({subjects / plainReplay:0} records/s), sealed {sealedReplay:0.000} s ({subjects / sealedReplay:0} records/s), ratio {sealedReplay / plainReplay:0.000}"));
        return 0;
    }

    private static void Kernel(byte[] record, TextWriter output)
    {
        using var sealer = DataKey.Generate().CreateSealer();
        var context = new byte[18];
        var sealedRecord = sealer.Seal(record, context);
        var opened = new byte[record.Length];
        var sealRate = Rate(() => sealer.Seal(record, context, sealedRecord));
        var openRate = Rate(() =>
        {
            if (!sealer.TryOpen(sealedRecord, context, opened))
            {
                throw new InvalidOperationException("A sealed record did not open.");
            }
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kernel, one core, {record.Length} B records: seal {sealRate:0} records/s ({sealRate * record.Length / 1e6:0} MB/s), open {openRate:0} records/s ({openRate * record.Length / 1e6:0} MB/s)"));
    }

    /// <summary>Operations per second over one second of repetitions, after half a second of warm-up (for the optimising JIT).</summary>
    private static double Rate(Action operation)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(0.5))
        {
            operation();
        }
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            for (var i = 0; i < 256; i++)
            {
                operation();
            }
            count += 256;
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static (double ImportPerSecond, double ReplaySeconds) ImportAndReplay(SyntheticApplicants applicants, int subjects, MasterKey? master)
    {
        var directory = Directory.CreateTempSubdirectory("matcher-sealing-bench-").FullName;
        try
        {
            // Snapshots only past the import: the warm start replays every record from the log.
            var options = new EnrollmentOptions(directory, subjects * 2L, TimeSpan.FromHours(24), master);
            double importPerSecond;
            using (var index = NewIndex())
            {
                var core = EnrollmentCore.Open(options, index, TimeProvider.System, NullLoggerFactory.Instance);
                var watch = Stopwatch.StartNew();
                var report = core.Registry.ImportAsync(Items(applicants, subjects), [], ImportOptions.Default, CancellationToken.None).GetAwaiter().GetResult();
                importPerSecond = report.Imported / watch.Elapsed.TotalSeconds;
                core.DisposeAsync().AsTask().GetAwaiter().GetResult();
                if (report.Imported != subjects)
                {
                    throw new InvalidOperationException($"Only {report.Imported} of {subjects} subjects were imported.");
                }
            }
            using (var index = NewIndex())
            {
                var watch = Stopwatch.StartNew();
                var core = EnrollmentCore.Open(options, index, TimeProvider.System, NullLoggerFactory.Instance);
                var replaySeconds = watch.Elapsed.TotalSeconds;
                core.DisposeAsync().AsTask().GetAwaiter().GetResult();
                if (index.Count != subjects)
                {
                    throw new InvalidOperationException($"The warm start found {index.Count} of {subjects} subjects.");
                }
                return (importPerSecond, replaySeconds);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SubjectIndex NewIndex() =>
        new(new GalleryOptions { Modalities = [new FingerprintIndexFactory(), new FaceIndexFactory(cosine => 100 * cosine)] });

    private static async IAsyncEnumerable<ImportItem> Items(SyntheticApplicants applicants, int subjects)
    {
        for (var i = 0; i < subjects; i++)
        {
            var key = new SubjectKey("default", $"S{i:D8}");
            var applicant = i % DistinctApplicants;
            yield return new ImportItem(i, key.SubjectId, key.Gallery, _ => new ImportSubject(key, SamplesOf(applicants, applicant), null));
        }
        await Task.CompletedTask;
    }

    private static SubjectSamples SamplesOf(SyntheticApplicants applicants, int applicant) => new(
    [
        .. applicants.Fingers[applicant].Select((template, finger) => (EnrolledSample)new EnrolledFinger(finger + 1, template, 60)),
        new EnrolledFace("synthetic", applicants.Faces[applicant], 80),
    ]);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
