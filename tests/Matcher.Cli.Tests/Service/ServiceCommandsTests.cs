using Google.Protobuf;
using Matcher.Contracts.V1;
using Xunit;

namespace Matcher.Cli.Tests.Service;

/// <summary>Needs a real server: every command against the in-process service, with FVC2002 and LFW samples.</summary>
public sealed class ServiceCommandsTests(LoopbackService service) : IClassFixture<LoopbackService>
{
    private CliResult Run(params string[] args) => Cli.Run([.. args, "--server", service.Address]);

    private static void AssertSucceeded(CliResult result) => Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");

    [Fact]
    public void TwoPeopleEnrolledThenOneIdentifiedAndVerified()
    {
        AssertSucceeded(Run("enroll", "--id", "alice", "--gallery", "session",
            "--finger", $"right-index={Cli.Fvc(101, 1)}@500", "--finger", $"left-index={Cli.Fvc(102, 1)}"));
        var bob = Run("enroll", "--id", "bob", "--gallery", "session",
            "--finger", $"right-index={Cli.Fvc(103, 1)}@500", "--finger", $"left-index={Cli.Fvc(104, 1)}@500");
        AssertSucceeded(bob);
        Assert.StartsWith("bob: enrolled in gallery session, no duplicate found", bob.Output);

        var identified = Run("identify", "--gallery", "session", "--finger", $"right-index={Cli.Fvc(101, 2)}", "--json");
        AssertSucceeded(identified);
        var response = JsonParser.Default.Parse<IdentifyResponse>(identified.Output);
        Assert.Equal("alice", response.Candidates[0].SubjectId);
        Assert.True(response.Candidates[0].Score >= response.Threshold);
        Assert.Equal(2ul, response.SearchedSubjects);
        Assert.Contains("  1. alice (gallery session): score ", Run("identify", "--gallery", "session", "--finger", $"right-index={Cli.Fvc(101, 2)}").Output);

        var genuine = Run("verify", "--id", "alice", "--gallery", "session", "--finger", $"left-index={Cli.Fvc(102, 3)}");
        var impostor = Run("verify", "--id", "bob", "--gallery", "session", "--finger", $"left-index={Cli.Fvc(102, 3)}");
        Assert.Equal(0, genuine.ExitCode);
        Assert.StartsWith("MATCH: alice", genuine.Output);
        Assert.Equal(3, impostor.ExitCode);
        Assert.StartsWith("NO MATCH: bob", impostor.Output);
    }

    [Fact]
    public void SecondImpressionOfAnEnrolledFingerIsRefusedAsDuplicate()
    {
        AssertSucceeded(Run("enroll", "--id", "first", "--gallery", "dedup", "--finger", $"2={Cli.Fvc(105, 1)}"));

        var again = Run("enroll", "--id", "again", "--gallery", "dedup", "--finger", $"2={Cli.Fvc(105, 2)}", "--json");

        Assert.Equal(3, again.ExitCode);
        var response = JsonParser.Default.Parse<EnrollResponse>(again.Output);
        Assert.Equal(EnrollOutcome.DuplicateFound, response.Outcome);
        Assert.Equal("first", response.Candidates.Single().SubjectId);
        Assert.True(response.Timings.TotalUs > 0);
        Assert.Equal(1, Run("subject", "--id", "again", "--gallery", "dedup").ExitCode);
    }

    [Fact]
    public void RetriedEnrollmentWithTheSameRequestIdEnrollsOnce()
    {
        string[] enrollment = ["enroll", "--id", "dave", "--gallery", "retries", "--finger", $"3={Cli.Fvc(107, 1)}", "--request-id", "station-7-000042"];
        var first = Run(enrollment);
        var retry = Run(enrollment);
        var reused = Run("enroll", "--id", "erin", "--gallery", "retries", "--finger", $"3={Cli.Fvc(108, 1)}", "--request-id", "station-7-000042");

        AssertSucceeded(first);
        AssertSucceeded(retry);
        Assert.StartsWith("dave: enrolled in gallery retries, no duplicate found", retry.Output);
        var stats = JsonParser.Default.Parse<GetStatsResponse>(Run("stats", "--json").Output);
        Assert.Equal(1ul, stats.Galleries.Single(g => g.Gallery == "retries").Subjects);
        Assert.NotEqual(0, reused.ExitCode);
        Assert.Contains("request", reused.Error);
    }

    [Fact]
    public void TemplateSubjectIsShownCountedAndDeleted()
    {
        AssertSucceeded(Run("enroll", "--id", "carol", "--gallery", "records", "--finger", $"right-thumb={Cli.IsoTemplate(106, 1)}", "--mode", "insert"));

        var subject = Run("subject", "--id", "carol", "--gallery", "records");
        AssertSucceeded(subject);
        Assert.Contains("fingers: right-thumb", subject.Output);
        Assert.Contains("face: none", subject.Output);
        var stats = JsonParser.Default.Parse<GetStatsResponse>(Run("stats", "--json").Output);
        Assert.Equal(1ul, stats.Galleries.Single(g => g.Gallery == "records").Subjects);

        AssertSucceeded(Run("delete", "--id", "carol", "--gallery", "records"));

        var gone = Run("subject", "--id", "carol", "--gallery", "records");
        Assert.Equal(1, gone.ExitCode);
        Assert.Equal("NotFound subject.not_found: Subject 'carol' is not enrolled in gallery 'records'.", gone.Error.Trim());
        Assert.Empty(gone.Output);
    }

    [Fact]
    public void FaceIsEnrolledAndIdentifiedByAnotherPhoto()
    {
        AssertSucceeded(Run("enroll", "--id", "gul", "--gallery", "faces", "--face", Cli.Face("Abdullah_Gul", 13)));

        var identified = Run("identify", "--gallery", "faces", "--face", Cli.Face("Abdullah_Gul", 14), "--json");

        AssertSucceeded(identified);
        var candidate = JsonParser.Default.Parse<IdentifyResponse>(identified.Output).Candidates.Single();
        Assert.Equal("gul", candidate.SubjectId);
        Assert.True(candidate.HasFaceScore);
        Assert.False(candidate.HasFingerprintScore);
    }

    [Fact]
    public void HealthReportsServing()
    {
        var health = Run("health");

        AssertSucceeded(health);
        Assert.Contains("Serving", health.Output);
    }

    [Fact]
    public void RejectionByTheServiceShowsStatusReasonAndField()
    {
        var result = Run("enroll", "--id", " padded ", "--finger", $"right-index={Cli.IsoTemplate(107, 1)}");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("InvalidArgument request.invalid_field: The subject id contains control characters or leading/trailing spaces.", result.Error);
        Assert.Contains("field subject_id", result.Error);
    }

    [Fact]
    public void ResolutionOutsideTheScannerRangeIsRefused()
    {
        var result = Run("identify", "--finger", $"right-index={Cli.Fvc(101, 1)}@100");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("InvalidArgument image.dpi_out_of_range: ", result.Error);
    }

    [Fact]
    public void TakenIdIsRefused()
    {
        AssertSucceeded(Run("enroll", "--id", "dave", "--gallery", "taken", "--finger", $"1={Cli.IsoTemplate(108, 1)}"));

        var result = Run("enroll", "--id", "dave", "--gallery", "taken", "--finger", $"1={Cli.IsoTemplate(109, 1)}");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("AlreadyExists subject.already_exists: ", result.Error);
    }
}
