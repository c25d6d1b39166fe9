using System.Diagnostics;
using System.Globalization;
using Matcher.Benchmarks.Scale;
using Matcher.Core.Scoring;
using Matcher.Core.Subjects;
using Matcher.Gallery;
using Matcher.Gallery.Search;
using Matcher.Jobs;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Running;
using Matcher.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Benchmarks.Jobs;

/// <summary>
/// `dedup --subjects N [--share S] [--workers W]`: an N:N dedup job over a gallery of N synthetic subjects (10 fingers +
/// face) with every capture of each planted real person (<see cref="RealMates"/>) enrolled as a subject of its own, run
/// in process by the jobs core until S per mille of the gallery is searched (1000 for all). Reports the rate, the time
/// the whole job would take at that rate, the processor time of each search stage, comparisons per subject, the planted
/// pairs found and the false pairs. The planted subjects' ids sort first, so every planted pair is searched within the
/// first per mille.
/// </summary>
internal static class DedupBenchmark
{
    private const double TargetFpir = 0.01;

    private const int StationSearches = 100;

    public static int Run(string[] args)
    {
        var subjects = ScaleGallery.Option(args, "--subjects", 100_000);
        var perMille = Math.Clamp(ScaleGallery.Option(args, "--share", 100), 1, 1000);
        var workers = Math.Max(1, ScaleGallery.Option(args, "--workers", Environment.ProcessorCount));
        var seed = (ulong)ScaleGallery.Option(args, "--seed", 1);
        var output = Console.Out;
        using var faces = ScaleGallery.LoadFaces();
        var people = RealMates.Load(Datasets.Root, faces, Environment.ProcessorCount).Where(p => p.Planted).ToList();
        var planted = people.SelectMany(Enrollments).ToList();
        var plantedPairs = people.Sum(p => (p.Probes.Count + 1) * p.Probes.Count / 2);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"planted: {people.Count} real people enrolled {planted.Count} times, {plantedPairs} duplicate pairs"));
        using var index = ScaleGallery.Build(subjects, seed, faces, planted, args, output);
        var total = index.Count;
        var stationProbes = people.SelectMany(p => p.Probes).Take(StationSearches).Select(index.Prepare).ToList();
        var traffic = new StationTraffic();
        var alone = StationLatency(index, stationProbes, traffic);

        var data = Directory.CreateTempSubdirectory("matcher-dedup-bench-");
        try
        {
            var jobs = JobsCore.Open(new JobsOptions { DataDirectory = data.FullName, Workers = workers }, index, traffic, TimeProvider.System, NullLogger.Instance);
            var stages = new StageTimes();
            jobs.StartRunning();
            var jobId = jobs.StartDedupAsync(new DedupJobRequest(ScaleGallery.Name, null, JobModalities.All, TargetFpir, 20, null, "bench"), CancellationToken.None)
                .GetAwaiter().GetResult().Status.Definition.JobId;
            var target = (long)Math.Ceiling(total * perMille / 1000.0);
            var watch = Stopwatch.StartNew();
            JobStatusView status = jobs.Status(jobId);
            while (!status.State.IsFinal() && status.SubjectsDone < target)
            {
                Thread.Sleep(200);
                status = jobs.Status(jobId);
            }
            var seconds = watch.Elapsed.TotalSeconds;
            stages.Dispose();
            var jobRan = !jobs.Status(jobId).State.IsFinal();
            var beside = StationLatency(index, stationProbes, traffic);
            if (!status.State.IsFinal())
            {
                status = jobs.PauseAsync(jobId, CancellationToken.None).GetAwaiter().GetResult();
            }
            var pairs = jobs.Results(jobId, int.MaxValue, 0).Pairs.Select(p => p.Pair).ToList();
            var found = pairs.Count(p => PersonOf(p.Subject) is { } person && person == PersonOf(p.Other));
            var rate = status.SubjectsDone / seconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"searched {status.SubjectsDone:N0} of {total:N0} subjects in {seconds:0.0} s with {workers} worker(s): {rate:0.0} subjects/s, {status.Comparisons / (double)Math.Max(1, status.SubjectsDone):0.0} full comparisons per subject; threshold {status.Threshold:0.0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"whole job at this rate: {total / rate / 60:0.0} min ({total / rate / 3600:0.00} h); processor time by search stage:"));
            stages.Report(output);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pairs: {pairs.Count} found, planted {found} / {plantedPairs}, false {pairs.Count - found} (expected about {TargetFpir * status.SubjectsDone:0.0} at FPIR {TargetFpir})"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"station identify (10 fingers + face, {stationProbes.Count} searches 20 ms apart): p50 / p99 {alone.P50:0.0} / {alone.P99:0.0} ms alone, {beside.P50:0.0} / {beside.P99:0.0} ms {(jobRan ? "while the job runs" : "after the job (it had ended)")} ({beside.P99 / alone.P99:0.00}x at p99)"));
            jobs.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            data.Delete(recursive: true);
        }
        return 0;
    }

    /// <summary>
    /// Searches as the service runs an identify: on every core, counted as station traffic (which the job yields to).
    /// Measured at the end of the job's measured share, while it still runs.
    /// </summary>
    private static (double P50, double P99) StationLatency(SubjectIndex index, IReadOnlyList<SearchProbe> probes, StationTraffic traffic)
    {
        var threshold = DecisionThreshold.ForIdentification(TargetFpir, index.Count);
        var latencies = new List<double>(probes.Count);
        foreach (var probe in probes)
        {
            var started = Stopwatch.GetTimestamp();
            using (traffic.Enter())
            {
                index.Search(probe, SearchScope.Everything, 10, threshold);
            }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            // Stations arrive with gaps; back-to-back searches would leave the job no moment to run.
            Thread.Sleep(20);
        }
        latencies.Sort();
        return (latencies[(int)Math.Ceiling(0.5 * latencies.Count) - 1], latencies[(int)Math.Ceiling(0.99 * latencies.Count) - 1]);
    }

    /// <summary>The person's first capture under its own id, then each other capture as another subject.</summary>
    private static IEnumerable<SubjectRecord> Enrollments(RealPerson person) =>
        person.Probes.Select((probe, k) => new SubjectRecord(
                person.Record.Key with { SubjectId = $"{person.Record.Key.SubjectId}-capture-{k + 1}" }, probe, person.Record.EnrolledAt))
            .Prepend(person.Record);

    private static string? PersonOf(SubjectKey key) =>
        key.SubjectId.StartsWith("real-", StringComparison.Ordinal) ? key.SubjectId.Split("-capture-")[0] : null;
}
