using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Testing;
using Xunit;

namespace Matcher.Server.Tests;

/// <summary>
/// Stations retry over bad networks: a retry with the same request id gets the first answer and never enrolls twice,
/// also after a restart, in embedded mode (request ids in the local log). Without Redis.
/// </summary>
public sealed class RequestIdTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("matcher-requests-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    /// <summary>Timings belong to each call; everything else of a retried answer is the original.</summary>
    internal static void AssertSameAnswer(EnrollResponse original, EnrollResponse retried)
    {
        var withoutTimings = (EnrollResponse response) => { var copy = response.Clone(); copy.Timings = null; return copy; };
        Assert.Equal(withoutTimings(original), withoutTimings(retried));
    }

    [Fact]
    public async Task ARetryGetsTheOriginalAnswerWithoutASecondInsertAlsoAfterARestart()
    {
        var request = SyntheticFaces.Enrollment(1, "retries", requestId: "station-3:000001");
        EnrollResponse original;
        await using (var server = await LoopbackServer.StartAsync(_dataDirectory))
        {
            original = await server.Matcher.EnrollAsync(request, cancellationToken: Cancellation);
            var retried = await server.Matcher.EnrollAsync(request, cancellationToken: Cancellation);

            Assert.Equal(EnrollOutcome.Enrolled, original.Outcome);
            AssertSameAnswer(original, retried);
            Assert.Equal(1ul, (await server.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
        }

        await using var restarted = await LoopbackServer.StartAsync(_dataDirectory);
        AssertSameAnswer(original, await restarted.Matcher.EnrollAsync(request, cancellationToken: Cancellation));
        Assert.Equal(1ul, (await restarted.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
    }

    [Fact]
    public async Task AnAnswerThatInsertedNothingIsRecordedTooAndSurvivesSnapshots()
    {
        var first = SyntheticFaces.Enrollment(2, "dupes", requestId: "station-1:a");
        var samePerson = SyntheticFaces.Enrollment(2, "dupes", requestId: "station-2:b", mode: DedupMode.InsertIfUnique);
        samePerson.SubjectId = "someone-else";
        EnrollResponse duplicate;
        await using (var server = await LoopbackServer.StartAsync(_dataDirectory, "--Matcher:SnapshotEveryRecords", "3"))
        {
            await server.Matcher.EnrollAsync(first, cancellationToken: Cancellation);
            duplicate = await server.Matcher.EnrollAsync(samePerson, cancellationToken: Cancellation);
            Assert.Equal(EnrollOutcome.DuplicateFound, duplicate.Outcome);
            for (var person = 10; person < 17; person++)
            {
                await server.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "dupes", requestId: $"station-1:{person}"), cancellationToken: Cancellation);
            }
            // The duplicate is gone now, yet the retry must still get the recorded answer rather than enroll.
            await server.Matcher.DeleteAsync(new DeleteRequest { Gallery = "dupes", SubjectId = first.SubjectId }, cancellationToken: Cancellation);
        }
        Assert.NotEmpty(Directory.GetFiles(_dataDirectory, "snapshot-*.snap"));

        await using var restarted = await LoopbackServer.StartAsync(_dataDirectory);
        AssertSameAnswer(duplicate, await restarted.Matcher.EnrollAsync(samePerson, cancellationToken: Cancellation));
        await RpcAssert.FailsWith(StatusCode.NotFound, "subject.not_found", () => restarted.Matcher.GetSubjectAsync(
            new GetSubjectRequest { Gallery = "dupes", SubjectId = samePerson.SubjectId }, cancellationToken: Cancellation).ResponseAsync);
        var replayed = await restarted.Matcher.EnrollAsync(SyntheticFaces.Enrollment(10, "dupes", requestId: "station-1:10"), cancellationToken: Cancellation);
        Assert.Equal(EnrollOutcome.Enrolled, replayed.Outcome);
    }

    [Fact]
    public async Task TheSameIdForAnotherSubjectIsRefusedWithAReasonTheOperatorUnderstands()
    {
        await using var server = await LoopbackServer.StartAsync(_dataDirectory);
        await server.Matcher.EnrollAsync(SyntheticFaces.Enrollment(3, "reuse", requestId: "station-9:7"), cancellationToken: Cancellation);

        var otherSubject = SyntheticFaces.Enrollment(4, "reuse", requestId: "station-9:7");
        var otherGallery = SyntheticFaces.Enrollment(3, "elsewhere", requestId: "station-9:7");
        var status = await RpcAssert.FailsWith(StatusCode.AlreadyExists, "request.id_reused",
            () => server.Matcher.EnrollAsync(otherSubject, cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, "request.id_reused",
            () => server.Matcher.EnrollAsync(otherGallery, cancellationToken: Cancellation).ResponseAsync);

        Assert.Contains("'P000003' in gallery 'reuse'", status.Message);
        Assert.Contains("new request id", status.Message);
        Assert.Equal(1ul, (await server.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneIdEnrollOnceAndAllGetTheSameAnswer()
    {
        await using var server = await LoopbackServer.StartAsync(_dataDirectory);
        for (var round = 0; round < 10; round++)
        {
            var request = SyntheticFaces.Enrollment(100 + round, "concurrent", requestId: $"burst-{round}");
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
                server.Matcher.EnrollAsync(request, cancellationToken: Cancellation).ResponseAsync));

            Assert.All(answers, answer => AssertSameAnswer(answers[0], answer));
            Assert.Equal(EnrollOutcome.Enrolled, answers[0].Outcome);
        }
        var stats = await server.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal(10ul, stats.Galleries.Single(g => g.Gallery == "concurrent").Subjects);
    }

    [Fact]
    public async Task AnIdIsForgottenAfterItsTimeToLive()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackServer.StartAsync(_dataDirectory, clock, "--Matcher:RequestIdTimeToLive", "00:10:00");
        var request = SyntheticFaces.Enrollment(5, "ttl", requestId: "short-lived");
        var original = await server.Matcher.EnrollAsync(request, cancellationToken: Cancellation);
        clock.Advance(TimeSpan.FromMinutes(9));
        AssertSameAnswer(original, await server.Matcher.EnrollAsync(request, cancellationToken: Cancellation));
        clock.Advance(TimeSpan.FromMinutes(1));

        // The id is forgotten, so the retry is a new enrollment of a subject that exists.
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, "subject.already_exists",
            () => server.Matcher.EnrollAsync(request, cancellationToken: Cancellation).ResponseAsync);
    }

    [Fact]
    public async Task AMalformedIdIsAnInvalidArgument()
    {
        await using var server = await LoopbackServer.StartAsync(_dataDirectory);

        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () => server.Matcher.EnrollAsync(
            SyntheticFaces.Enrollment(6, "bad", requestId: "has space"), cancellationToken: Cancellation).ResponseAsync);
    }
}
