using Matcher.Core.Errors;
using Matcher.Core.Scoring;
using Matcher.Core.Subjects;
using Matcher.Gallery;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Results;
using Matcher.Jobs.Running;
using Matcher.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Matcher.Jobs.Tests;

/// <summary>
/// Dedup jobs in process on a real gallery (synthetic people with real duplicates planted): what they find, how they
/// stop, pause, resume and survive a restart of the core, and how they refuse bad requests.
/// </summary>
public sealed class JobsCoreTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly TemporaryDirectory _data = new();
    private readonly SubjectIndex _index = JobGallery.Filled();
    private readonly StationTraffic _traffic = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static DedupJobRequest Request(string? requestId = null, string? against = null) =>
        new(JobGallery.Name, against, JobModalities.All, 0.01, 20, requestId, "test");

    public void Dispose()
    {
        _index.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task FindsEveryPlantedDuplicateAndClustersAPersonEnrolledThreeTimes()
    {
        await using var jobs = Open();
        var (started, existing) = await jobs.StartDedupAsync(Request(), Cancellation);
        Assert.False(existing);
        var ended = await UntilEndedAsync(jobs, started.Definition.JobId);

        Assert.Equal(JobState.Completed, ended.State);
        var total = JobGallery.SyntheticSubjects + JobGallery.RealPeople * 2 + 1;
        Assert.Equal(total, ended.SubjectsTotal);
        Assert.Equal(total, ended.SubjectsDone);
        // Each shard of about 160 subjects lists its minimum for every subject searched; a pair both searches listed is
        // compared once, so between half and all of those lists are compared.
        var listed = total * JobGallery.ShardCount * GalleryOptions.DefaultMinimumShortlistPerShard;
        Assert.InRange(ended.Comparisons, listed / 2, listed - 1);
        Assert.Equal(DecisionThreshold.ForIdentification(0.01, total), ended.Threshold);
        var results = jobs.Results(started.Definition.JobId, 1000, 0);
        Assert.Equal(results.Pairs.Count, results.TotalPairs);
        var found = results.Pairs.Select(p => Unordered(p.Pair)).ToHashSet();
        var missed = JobGallery.PlantedPairs.Where(p => !found.Contains(Unordered(p.First, p.Second))).ToList();
        Assert.True(missed.Count == 0, $"Planted pairs missed: {string.Join(", ", missed)}");

        var falsePairs = results.Pairs.Count(p => !p.Pair.Subject.SubjectId.StartsWith("person-", StringComparison.Ordinal)
            || p.Pair.Subject.SubjectId[..9] != p.Pair.Other.SubjectId[..9]);
        // An FPIR of 1 % per searched subject allows about 3 false pairs over 321 subjects.
        Assert.True(falsePairs <= 6, $"{falsePairs} false pairs at an FPIR of 1 % over {total} subjects");
        var threeTimes = results.Clusters.Single(c => c.Members.Contains(new SubjectKey(JobGallery.Name, JobGallery.Planted(0, 'a'))));
        Assert.Equal([JobGallery.Planted(0, 'a'), JobGallery.Planted(0, 'b'), JobGallery.Planted(0, 'c')], threeTimes.Members.Select(m => m.SubjectId));
        Assert.Equal(3, threeTimes.Pairs);
        Assert.All(results.Pairs, p => Assert.True(p.Pair.Score >= ended.Threshold));
        Assert.All(results.Pairs, p => Assert.Equal(results.Clusters.Single(c => c.Members.Contains(p.Pair.Subject)).Number, p.Cluster));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{total} subjects, {ended.Comparisons} comparisons, {results.TotalPairs} pairs ({falsePairs} false), threshold {ended.Threshold:0.0}");
    }

    [Fact]
    public async Task AJobResumedAfterTheCoreStopsMidWayEqualsAnUninterruptedOne()
    {
        string jobId;
        long doneAtStop;
        await using (var first = Open(checkpointEvery: 16))
        {
            jobId = (await first.StartDedupAsync(Request(), Cancellation)).Status.Definition.JobId;
            doneAtStop = (await UntilAsync(first, jobId, s => s.SubjectsDone >= 64)).SubjectsDone;
        }
        await using var second = Open(checkpointEvery: 16);
        var reopened = second.Status(jobId);
        Assert.True(reopened.SubjectsDone >= 16 && reopened.SubjectsDone <= doneAtStop + 16,
            $"resumed at {reopened.SubjectsDone} after stopping at {doneAtStop}");
        var resumed = await UntilEndedAsync(second, jobId);
        var uninterrupted = await UntilEndedAsync(second, (await second.StartDedupAsync(Request(), Cancellation)).Status.Definition.JobId);

        Assert.Equal(JobState.Completed, resumed.State);
        Assert.Equal(Listing(second, uninterrupted.Definition.JobId), Listing(second, jobId));
        Assert.Equal(uninterrupted.SubjectsDone, resumed.SubjectsDone);
    }

    [Fact]
    public async Task AJobLogFoldedIntoASnapshotReopensToTheSameJobsAndAPausedJobStillCompletes()
    {
        string completedId, pausedId;
        await using (var jobs = Open(checkpointEvery: 16))
        {
            completedId = (await jobs.StartDedupAsync(Request(), Cancellation)).Status.Definition.JobId;
            await UntilEndedAsync(jobs, completedId);
            using (_traffic.Enter())
            {
                pausedId = (await jobs.StartDedupAsync(Request(), Cancellation)).Status.Definition.JobId;
                await UntilAsync(jobs, pausedId, s => s.State == JobState.Running);
                await jobs.PauseAsync(pausedId, Cancellation).WaitAsync(Bound, Cancellation);
            }
        }
        var directory = _data.Combine("jobs");
        var (replayed, before) = await JobsInLogAsync(directory, int.MaxValue);
        var (replayedWhileFolding, folded) = await JobsInLogAsync(directory, compactAfterRecords: 10);
        var (replayedAfter, after) = await JobsInLogAsync(directory, int.MaxValue);

        // One progress record per checkpoint of 16 subjects, pairs, starts and state changes.
        Assert.True(replayed >= 20, $"{replayed} records replayed");
        Assert.Equal(replayed, replayedWhileFolding);
        Assert.Equal(0, replayedAfter);
        Assert.Equal(before, folded);
        Assert.Equal(before, after);
        Assert.Single(Directory.GetFiles(directory, "snapshot-*.snap"));

        await using var reopened = Open(checkpointEvery: 16);
        Assert.Equal(JobState.Paused, reopened.Status(pausedId).State);
        await reopened.ResumeAsync(pausedId, Cancellation);
        Assert.Equal(JobState.Completed, (await UntilEndedAsync(reopened, pausedId)).State);
        Assert.Equal(Listing(reopened, completedId), Listing(reopened, pausedId));
    }

    [Fact]
    public async Task StationTrafficHoldsAJobBackAndACancelStopsItWithoutTouchingTheGallery()
    {
        await using var jobs = Open();
        var subjects = _index.CountIn(JobGallery.Name);
        JobStatusView cancelled;
        using (_traffic.Enter())
        {
            var jobId = (await jobs.StartDedupAsync(Request(), Cancellation)).Status.Definition.JobId;
            var running = await UntilAsync(jobs, jobId, s => s.State == JobState.Running);
            Assert.Equal(0, running.SubjectsDone);
            cancelled = await jobs.CancelAsync(jobId, Cancellation).WaitAsync(Bound, Cancellation);
        }
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Equal(0, cancelled.SubjectsDone);
        Assert.NotNull(cancelled.EndedAt);
        Assert.Equal(subjects, _index.CountIn(JobGallery.Name));
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => jobs.CancelAsync(cancelled.Definition.JobId, Cancellation));
        Assert.Equal(Refusal.FailedPrecondition, refused.Refusal);
    }

    [Fact]
    public async Task APausedJobWaitsAndResumedFindsWhatAnUninterruptedJobFinds()
    {
        await using var jobs = Open();
        string jobId;
        using (_traffic.Enter())
        {
            jobId = (await jobs.StartDedupAsync(Request(), Cancellation)).Status.Definition.JobId;
            await UntilAsync(jobs, jobId, s => s.State == JobState.Running);
            var paused = await jobs.PauseAsync(jobId, Cancellation).WaitAsync(Bound, Cancellation);
            Assert.Equal(JobState.Paused, paused.State);
            Assert.Null(paused.EndedAt);
        }
        Assert.Equal(JobState.Paused, jobs.Status(jobId).State);
        Assert.Equal(JobState.Queued, (await jobs.ResumeAsync(jobId, Cancellation)).State);
        var resumed = await UntilEndedAsync(jobs, jobId);
        var uninterrupted = await UntilEndedAsync(jobs, (await jobs.StartDedupAsync(Request(), Cancellation)).Status.Definition.JobId);
        Assert.Equal(JobState.Completed, resumed.State);
        Assert.Equal(Listing(jobs, uninterrupted.Definition.JobId), Listing(jobs, jobId));
    }

    [Fact]
    public async Task SubjectsEnrolledAfterTheStartAreNotPartOfTheJob()
    {
        await using var jobs = Open();
        string jobId;
        using (_traffic.Enter())
        {
            jobId = (await jobs.StartDedupAsync(Request(), Cancellation)).Status.Definition.JobId;
            var running = await UntilAsync(jobs, jobId, s => s.State == JobState.Running);
            // A third enrollment of person 1, after the job's start: the job must neither search it nor report it.
            var late = JobGallery.Records().Single(r => r.Key.SubjectId == JobGallery.Planted(1, 'a'));
            _index.Add(late with { Key = new SubjectKey(JobGallery.Name, "person-01-late"), EnrolledAt = running.GalleryAsOf!.Value.AddSeconds(1) });
        }
        var ended = await UntilEndedAsync(jobs, jobId);
        Assert.Equal(JobGallery.SyntheticSubjects + JobGallery.RealPeople * 2 + 1, ended.SubjectsTotal);
        Assert.DoesNotContain(jobs.Results(jobId, 1000, 0).Pairs, p => p.Pair.Subject.SubjectId == "person-01-late" || p.Pair.Other.SubjectId == "person-01-late");
    }

    [Fact]
    public async Task ARetriedStartReturnsItsJobAndARequestIdCannotStartOtherWork()
    {
        await using var jobs = Open();
        var first = await jobs.StartDedupAsync(Request("batch-7"), Cancellation);
        var retry = await jobs.StartDedupAsync(Request("batch-7"), Cancellation);
        Assert.True(retry.Existing);
        Assert.Equal(first.Status.Definition.JobId, retry.Status.Definition.JobId);
        Assert.Single(jobs.List());

        var other = await Assert.ThrowsAsync<RequestRefusedException>(() => jobs.StartDedupAsync(Request("batch-7") with { TargetFalsePositiveIdentificationRate = 0.001 }, Cancellation));
        Assert.Equal(Refusal.AlreadyExists, other.Refusal);
        Assert.Contains(first.Status.Definition.JobId, other.Message);
        Assert.Single(jobs.List());
    }

    [Fact]
    public async Task UnknownGalleriesAndJobsAreRefused()
    {
        await using var jobs = Open();
        var gallery = await Assert.ThrowsAsync<RequestRefusedException>(() => jobs.StartDedupAsync(Request() with { Gallery = "nowhere" }, Cancellation));
        Assert.Equal((Refusal.NotFound, "gallery.not_found"), (gallery.Refusal, gallery.Reason));
        var against = await Assert.ThrowsAsync<RequestRefusedException>(() => jobs.StartDedupAsync(Request(against: "nowhere"), Cancellation));
        Assert.Equal(Refusal.NotFound, against.Refusal);
        Assert.Empty(jobs.List());
        var job = Assert.Throws<RequestRefusedException>(() => jobs.Status("dedup-999999"));
        Assert.Equal((Refusal.NotFound, "job.not_found"), (job.Refusal, job.Reason));
        await Assert.ThrowsAsync<RequestRefusedException>(() => jobs.PauseAsync("dedup-999999", Cancellation));
    }

    [Fact]
    public async Task AMergeCheckSearchesOneGalleryInTheOther()
    {
        foreach (var record in JobGallery.Records().Where(r => r.Key.SubjectId.EndsWith("-b", StringComparison.Ordinal)))
        {
            _index.Add(record with { Key = new SubjectKey("incoming", record.Key.SubjectId) });
        }
        await using var jobs = Open();
        var jobId = (await jobs.StartDedupAsync(new DedupJobRequest("incoming", JobGallery.Name, JobModalities.Fingerprints, 0.01, 20, null, ""), Cancellation))
            .Status.Definition.JobId;
        var ended = await UntilEndedAsync(jobs, jobId);

        Assert.Equal(JobGallery.RealPeople, ended.SubjectsTotal);
        var pairs = jobs.Results(jobId, 1000, 0).Pairs.Select(p => p.Pair).ToList();
        Assert.All(pairs, p => Assert.Equal(("incoming", JobGallery.Name), (p.Subject.Gallery, p.Other.Gallery)));
        // Each incoming person finds its own earlier enrollment in the legacy gallery (the "b" capture itself is there too).
        for (var person = 0; person < JobGallery.RealPeople; person++)
        {
            Assert.Contains(pairs, p => p.Subject.SubjectId == JobGallery.Planted(person, 'b') && p.Other.SubjectId == JobGallery.Planted(person, 'a'));
        }
    }

    private JobsCore Open(int checkpointEvery = 1000)
    {
        var jobs = JobsCore.Open(new JobsOptions
        {
            DataDirectory = _data.Combine("jobs"),
            Workers = 2,
            CheckpointEverySubjects = checkpointEvery,
            WatchInterval = TimeSpan.Zero,
        }, _index, _traffic, TimeProvider.System, NullLogger.Instance);
        jobs.StartRunning();
        return jobs;
    }

    /// <summary>Each job of the log as it reopens (its rate aside, which a fold keeps only from the last checkpoint), with its pairs.</summary>
    private static async Task<(long Replayed, List<string> Jobs)> JobsInLogAsync(string directory, int compactAfterRecords)
    {
        await using var log = Store.JobLog.Open(directory, masterKey: null, compactAfterRecords);
        var jobs = log.Jobs.Select(job => (job.View() with { SubjectsPerSecond = 0, SecondsLeft = null }).ToString()
            + string.Concat(job.PairsBestFirst().Select(p => $"|{p.Subject}|{p.Other}|{p.Score:R}"))).ToList();
        return (log.LogRecordsReplayed, jobs);
    }

    private static Task<JobStatusView> UntilEndedAsync(JobsCore jobs, string jobId) => UntilAsync(jobs, jobId, s => s.State.IsFinal());

    private static async Task<JobStatusView> UntilAsync(JobsCore jobs, string jobId, Func<JobStatusView, bool> condition)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        bounded.CancelAfter(Bound);
        try
        {
            await foreach (var status in jobs.WatchAsync(jobId, bounded.Token))
            {
                if (condition(status))
                {
                    return status;
                }
            }
        }
        catch (OperationCanceledException) when (!Cancellation.IsCancellationRequested)
        {
            Assert.Fail($"Job {jobId} did not get there within {Bound}: {jobs.Status(jobId)}");
        }
        Assert.Fail($"Job {jobId} ended without getting there: {jobs.Status(jobId)}");
        return null!;
    }

    private static List<string> Listing(JobsCore jobs, string jobId) =>
        [.. jobs.Results(jobId, 1000, 0).Pairs.Select(p => $"{p.Pair.Subject}|{p.Pair.Other}|{p.Pair.Score:R}|{p.Cluster}")];

    private static (string, string) Unordered(DedupPair pair) => Unordered(pair.Subject.SubjectId, pair.Other.SubjectId);

    private static (string, string) Unordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
