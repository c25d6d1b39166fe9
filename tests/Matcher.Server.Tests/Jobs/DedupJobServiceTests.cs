using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Testing;
using Xunit;

namespace Matcher.Server.Tests.Jobs;

/// <summary>Dedup jobs over loopback gRPC against the real server: a whole job as a batch operator runs it, and bad requests.</summary>
public sealed class DedupJobServiceTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const string Gallery = "legacy";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobFindsThePlantedDuplicatesReportsProgressAndPagesItsResults()
    {
        await EnsureImportedAsync();
        var started = await server.Jobs.StartDedupJobAsync(new StartDedupJobRequest { Gallery = Gallery, Label = "legacy roll" }, cancellationToken: Cancellation);
        Assert.False(started.Existing);
        var seen = await DedupPopulation.WatchToEndAsync(server.Jobs, started.JobId, Cancellation);

        var ended = seen[^1];
        Assert.Equal(JobState.Completed, ended.State);
        Assert.Equal(DedupPopulation.Subjects, ended.SubjectsTotal);
        Assert.Equal(ended.SubjectsTotal, ended.SubjectsDone);
        Assert.Equal("legacy roll", ended.Label);
        Assert.NotNull(ended.GalleryAsOf);
        Assert.NotNull(ended.EndedAt);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second.SubjectsDone >= p.First.SubjectsDone), "progress went backwards");

        var (pairs, clusters) = await DedupPopulation.AllResultsAsync(server.Jobs, started.JobId, pageSize: 3, Cancellation);
        Assert.Equal(ended.PairsFound, pairs.Count);
        var found = pairs.Select(p => DedupPopulation.Key(p.Subject.SubjectId, p.Other.SubjectId)).ToHashSet();
        Assert.All(DedupPopulation.PlantedPairs, planted => Assert.Contains(planted, found));
        Assert.Equal(pairs.OrderByDescending(p => p.Scores.Score).Select(p => p.Scores.Score), pairs.Select(p => p.Scores.Score));
        Assert.All(pairs, p => Assert.True(p.Scores.Score >= ended.Threshold && p.Scores.FingerScores.Count > 0));
        var threeTimes = clusters.Single(c => c.Members.Any(m => m.SubjectId == DedupPopulation.Planted(0, 'a')));
        Assert.Equal([DedupPopulation.Planted(0, 'a'), DedupPopulation.Planted(0, 'b'), DedupPopulation.Planted(0, 'c')], threeTimes.Members.Select(m => m.SubjectId));
        Assert.Contains(started.JobId, (await server.Jobs.ListJobsAsync(new ListJobsRequest(), cancellationToken: Cancellation)).Jobs.Select(j => j.JobId));
    }

    [Fact]
    public async Task BadRequestsGetPreciseStatusesAndStartNothing()
    {
        await EnsureImportedAsync();
        var before = (await server.Jobs.ListJobsAsync(new ListJobsRequest(), cancellationToken: Cancellation)).Jobs.Count;

        await RpcAssert.FailsWith(StatusCode.NotFound, "gallery.not_found", () =>
            server.Jobs.StartDedupJobAsync(new StartDedupJobRequest { Gallery = "no-such-gallery" }, cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            server.Jobs.StartDedupJobAsync(new StartDedupJobRequest { Gallery = Gallery, TargetFalsePositiveIdentificationRate = -0.01 }, cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            server.Jobs.StartDedupJobAsync(new StartDedupJobRequest { Gallery = Gallery, AgainstGallery = Gallery }, cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            server.Jobs.StartDedupJobAsync(new StartDedupJobRequest { Gallery = Gallery, MaxCandidatesPerSubject = 5000 }, cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, "job.not_found", () =>
            server.Jobs.CancelJobAsync(new CancelJobRequest { JobId = "dedup-424242" }, cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, "job.not_found", () =>
            server.Jobs.GetJobResultsAsync(new GetJobResultsRequest { JobId = "dedup-424242" }, cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, "job.not_found", () =>
            DedupPopulation.WatchToEndAsync(server.Jobs, "dedup-424242", Cancellation));
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            server.Jobs.GetJobResultsAsync(new GetJobResultsRequest { JobId = "" }, cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(before, (await server.Jobs.ListJobsAsync(new ListJobsRequest(), cancellationToken: Cancellation)).Jobs.Count);

        var request = new StartDedupJobRequest { Gallery = Gallery, RequestId = "merge-2026-12", Modalities = JobModalities.Fingerprints };
        var first = await server.Jobs.StartDedupJobAsync(request, cancellationToken: Cancellation);
        var retry = await server.Jobs.StartDedupJobAsync(request, cancellationToken: Cancellation);
        Assert.True(retry.Existing);
        Assert.Equal(first.JobId, retry.JobId);
        var status = await RpcAssert.FailsWith(StatusCode.AlreadyExists, "job.request_id_reused", () =>
            server.Jobs.StartDedupJobAsync(new StartDedupJobRequest(request) { TargetFalsePositiveIdentificationRate = 0.001 }, cancellationToken: Cancellation).ResponseAsync);
        Assert.Contains(first.JobId, status.Message);
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            server.Jobs.GetJobResultsAsync(new GetJobResultsRequest { JobId = first.JobId, PageToken = "not-a-token" }, cancellationToken: Cancellation).ResponseAsync);
        await DedupPopulation.WatchToEndAsync(server.Jobs, first.JobId, Cancellation);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "job.ended", () =>
            server.Jobs.CancelJobAsync(new CancelJobRequest { JobId = first.JobId }, cancellationToken: Cancellation).ResponseAsync);
    }

    private static readonly SemaphoreSlim Import = new(1, 1);

    private async Task EnsureImportedAsync()
    {
        await Import.WaitAsync(Cancellation);
        try
        {
            await DedupPopulation.ImportAsync(server.Matcher, Gallery, Cancellation);
        }
        finally
        {
            Import.Release();
        }
    }
}
