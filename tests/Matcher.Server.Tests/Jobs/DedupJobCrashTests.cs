using Matcher.Contracts.V1;
using Matcher.Testing;
using Xunit;

namespace Matcher.Server.Tests.Jobs;

/// <summary>A dedup job across a SIGKILL of the server process: it resumes from its last checkpoint and ends as an uninterrupted run.</summary>
public sealed class DedupJobCrashTests
{
    private const string Gallery = "legacy";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobKilledMidWayResumesAfterTheRestartAndEqualsAnUninterruptedRun()
    {
        using var data = new TemporaryDirectory();
        string[] slowJobs = ["--Matcher:Jobs:Workers", "1", "--Matcher:Jobs:CheckpointEverySubjects", "20"];
        string jobId;
        long doneAtKill;
        await using (var first = await ServerProcess.StartAsync(data.Path, Cancellation, slowJobs))
        {
            await DedupPopulation.ImportAsync(first.Matcher, Gallery, Cancellation);
            jobId = (await first.Jobs.StartDedupJobAsync(new StartDedupJobRequest { Gallery = Gallery }, cancellationToken: Cancellation)).JobId;
            var seen = await DedupPopulation.WatchToEndAsync(first.Jobs, jobId, Cancellation, s => s.SubjectsDone >= 60);
            Assert.Equal(JobState.Running, seen[^1].State);
            doneAtKill = seen[^1].SubjectsDone;
            first.Kill();
        }

        await using var second = await ServerProcess.StartAsync(data.Path, Cancellation, slowJobs);
        var afterRestart = (await second.Jobs.ListJobsAsync(new ListJobsRequest(), cancellationToken: Cancellation)).Jobs.Single(j => j.JobId == jobId);
        Assert.NotEqual(JobState.Completed, afterRestart.State);
        var resumed = (await DedupPopulation.WatchToEndAsync(second.Jobs, jobId, Cancellation))[^1];
        Assert.Equal(JobState.Completed, resumed.State);
        var uninterruptedId = (await second.Jobs.StartDedupJobAsync(new StartDedupJobRequest { Gallery = Gallery }, cancellationToken: Cancellation)).JobId;
        var uninterrupted = (await DedupPopulation.WatchToEndAsync(second.Jobs, uninterruptedId, Cancellation))[^1];

        Assert.Equal(JobState.Completed, uninterrupted.State);
        Assert.True(doneAtKill >= 60 && doneAtKill < DedupPopulation.Subjects, $"killed after {doneAtKill} subjects");
        Assert.Equal(uninterrupted.PairsFound, resumed.PairsFound);
        var resumedPairs = (await DedupPopulation.AllResultsAsync(second.Jobs, jobId, 100, Cancellation)).Pairs;
        var uninterruptedPairs = (await DedupPopulation.AllResultsAsync(second.Jobs, uninterruptedId, 100, Cancellation)).Pairs;
        Assert.Equal(DedupPopulation.Listing(uninterruptedPairs), DedupPopulation.Listing(resumedPairs));
        Assert.All(DedupPopulation.PlantedPairs, planted =>
            Assert.Contains(planted, resumedPairs.Select(p => DedupPopulation.Key(p.Subject.SubjectId, p.Other.SubjectId))));
    }
}
