using Matcher.Core.Errors;
using Matcher.Core.Subjects;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Xunit;

namespace Matcher.Enrollment.Tests;

/// <summary>The enrollment protocol of the core, without any host: duplicate checks, races, retries and durability.</summary>
public sealed class DedupProtocolTests
{
    [Fact]
    public async Task Two_stations_enrolling_one_person_at_the_same_moment_end_with_one_enrolled_and_the_other_told()
    {
        await using var fixture = CoreFixture.Open();
        const int Rounds = 40;
        // Each round is its own gallery, so the rounds run concurrently with each other as well.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Rounds).Select(round => Task.WhenAll(
            Task.Run(() => fixture.EnrollAsync(CoreFixture.Command($"g{round}", "first"), person: round)),
            Task.Run(() => fixture.EnrollAsync(CoreFixture.Command($"g{round}", "second"), person: round)))));

        foreach (var (pair, round) in outcomes.Select((pair, round) => (pair, round)))
        {
            var decisions = pair.Select(r => r.Decision!.Outcome).Order().ToList();
            Assert.True(decisions is [EnrollmentOutcome.Enrolled, EnrollmentOutcome.DuplicateFound], $"round {round}: {string.Join(", ", decisions)}");
            Assert.Equal(1, fixture.Index.CountIn($"g{round}"));
        }
    }

    [Fact]
    public async Task Concurrent_enrollments_share_fsyncs_and_all_survive_a_restart()
    {
        await using var fixture = CoreFixture.Open();
        const int Enrollments = 400;
        await Task.WhenAll(Enumerable.Range(0, Enrollments).Select(person =>
            Task.Run(() => fixture.EnrollAsync(CoreFixture.Command(person % 2 == 0 ? "civil" : "border", $"P{person}"), person))));

        var commits = fixture.Core.Store.LogCommits;
        Assert.True(commits < Enrollments, $"{commits} fsyncs for {Enrollments} concurrent enrollments: group commit shared none");
        await fixture.ReopenAsync();
        Assert.Equal(Enrollments, fixture.Index.Count);
        Assert.Equal(Enrollments / 2, fixture.Index.CountIn("civil"));
    }

    [Fact]
    public async Task A_duplicate_is_found_against_every_enrollment_acknowledged_before_it_and_the_gallery_is_unchanged()
    {
        await using var fixture = CoreFixture.Open();
        await fixture.EnrollAsync(CoreFixture.Command("civil", "ana"), person: 7);
        await fixture.EnrollAsync(CoreFixture.Command("civil", "ben"), person: 8);

        var again = await fixture.EnrollAsync(CoreFixture.Command("civil", "ana-again"), person: 7);

        Assert.Equal(EnrollmentOutcome.DuplicateFound, again.Decision!.Outcome);
        Assert.Equal(new SubjectKey("civil", "ana"), Assert.Single(again.Decision.Candidates).Key);
        Assert.Equal(2, fixture.Index.CountIn("civil"));
        var reported = await fixture.EnrollAsync(CoreFixture.Command("civil", "ana-reported", EnrollmentMode.InsertAndReport), person: 7);
        Assert.Equal(EnrollmentOutcome.EnrolledWithCandidates, reported.Decision!.Outcome);
        Assert.Equal(3, fixture.Index.CountIn("civil"));
    }

    [Fact]
    public async Task A_taken_subject_id_is_refused_without_reading_the_samples()
    {
        await using var fixture = CoreFixture.Open();
        await fixture.EnrollAsync(CoreFixture.Command("civil", "ana"), person: 1);
        var read = false;
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => fixture.Registry.EnrollAsync(CoreFixture.Command("civil", "ana"),
            _ =>
            {
                read = true;
                return CoreFixture.Person(2);
            }, _ => [], CancellationToken.None));
        Assert.Equal(Refusal.AlreadyExists, refused.Refusal);
        Assert.False(read);
    }

    [Fact]
    public async Task A_retried_request_id_gets_its_first_answer_also_after_a_restart_and_a_reused_id_is_refused()
    {
        await using var fixture = CoreFixture.Open();
        var first = await fixture.EnrollAsync(CoreFixture.Command("civil", "ana", requestId: "station-1:0001"), person: 1);
        var duplicate = await fixture.EnrollAsync(CoreFixture.Command("civil", "ana-2", requestId: "station-1:0002"), person: 1);
        await fixture.ReopenAsync();

        var retry = await fixture.EnrollAsync(CoreFixture.Command("civil", "ana", requestId: "station-1:0001"), person: 1);
        var retriedDuplicate = await fixture.EnrollAsync(CoreFixture.Command("civil", "ana-2", requestId: "station-1:0002"), person: 1);

        Assert.Null(retry.Decision);
        Assert.Equal([(byte)EnrollmentOutcome.Enrolled, 0], retry.RecordedAnswer!.Value.ToArray());
        Assert.Equal([(byte)EnrollmentOutcome.DuplicateFound, 1], retriedDuplicate.RecordedAnswer!.Value.ToArray());
        Assert.Equal(EnrollmentOutcome.Enrolled, first.Decision!.Outcome);
        Assert.Equal(EnrollmentOutcome.DuplicateFound, duplicate.Decision!.Outcome);
        Assert.Equal(1, fixture.Index.CountIn("civil"));
        var reused = await Assert.ThrowsAsync<RequestRefusedException>(() => fixture.EnrollAsync(CoreFixture.Command("civil", "carl", requestId: "station-1:0001"), 3));
        Assert.Equal("request.id_reused", reused.Reason);
    }

    [Fact]
    public async Task A_delete_is_durable_and_an_unknown_subject_is_not_found()
    {
        await using var fixture = CoreFixture.Open();
        await fixture.EnrollAsync(CoreFixture.Command("civil", "ana"), person: 1);
        await fixture.Registry.DeleteAsync(new SubjectKey("civil", "ana"), CancellationToken.None);
        var missing = await Assert.ThrowsAsync<RequestRefusedException>(() => fixture.Registry.DeleteAsync(new SubjectKey("civil", "ana"), CancellationToken.None));
        Assert.Equal(Refusal.NotFound, missing.Refusal);
        await fixture.ReopenAsync();
        Assert.Equal(0, fixture.Index.Count);
    }

    [Fact]
    public async Task The_snapshot_counter_continues_from_the_log_on_disk_so_frequent_restarts_still_write_snapshots()
    {
        await using var fixture = CoreFixture.Open(snapshotEveryRecords: 10);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                await fixture.EnrollAsync(CoreFixture.Command("civil", $"P{round}-{i}", EnrollmentMode.InsertOnly), person: round * 10 + i);
            }
            await fixture.ReopenAsync();
        }
        Assert.True(fixture.Core.Store.Recovery.SnapshotSequence >= 10,
            $"after 12 changes in runs of 4, the newest snapshot covers sequence {fixture.Core.Store.Recovery.SnapshotSequence}");
        Assert.Equal(12, fixture.Index.Count);
    }

    [Fact]
    public async Task A_subject_the_index_refuses_is_never_logged_so_the_next_start_replays_cleanly()
    {
        await using var fixture = CoreFixture.Open();
        await fixture.EnrollAsync(CoreFixture.Command("civil", "ana"), person: 1);
        // The fixture's galleries index faces only, so a fingerprint is a sample no index takes.
        var unindexed = new SubjectSamples([new EnrolledFinger(2, new FingerprintTemplate(300, 300, [], 50), 50)]);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => fixture.Registry.EnrollAsync(
            CoreFixture.Command("civil", "odd", EnrollmentMode.InsertOnly), _ => unindexed, _ => [], CancellationToken.None));

        await fixture.ReopenAsync();
        Assert.Equal(1, fixture.Index.Count);
        Assert.Equal(1, fixture.Core.Store.Recovery.LastSequence);
    }
}
