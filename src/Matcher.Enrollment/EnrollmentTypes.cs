using Matcher.Core.Search;
using Matcher.Core.Subjects;

namespace Matcher.Enrollment;

/// <summary>What an enrollment does with the duplicate check.</summary>
public enum EnrollmentMode
{
    /// <summary>Insert without searching (legacy loads whose duplicates a batch job finds later).</summary>
    InsertOnly,

    /// <summary>Search the gallery; insert only when nobody scores at or above the threshold.</summary>
    InsertIfUnique,

    /// <summary>Search, insert in any case, and report who scored at or above the threshold.</summary>
    InsertAndReport,
}

public enum EnrollmentOutcome
{
    Enrolled,
    EnrolledWithCandidates,
    DuplicateFound,
}

/// <summary>One enrollment as a station asks for it, validated.</summary>
/// <param name="RequestId">The station's id for this enrollment, so a retry gets the first answer; null for none.</param>
public sealed record EnrollmentCommand(
    SubjectKey Subject,
    EnrollmentMode Mode,
    int MaxCandidates,
    double TargetFalsePositiveIdentificationRate,
    string? RequestId);

/// <summary>What the duplicate check decided: the threshold the gallery's size called for and who scored above it.</summary>
public sealed record EnrollmentDecision(EnrollmentOutcome Outcome, double Threshold, IReadOnlyList<Candidate> Candidates);

/// <summary>How long each stage of one request took.</summary>
public readonly record struct StageTimings(TimeSpan Extract, TimeSpan Search, TimeSpan Persist, TimeSpan Total);

/// <summary>
/// The answer to an enrollment: a decision made now, or, for a retried request id, the answer recorded the first
/// time (as the host encoded it), which the host returns unchanged.
/// </summary>
public sealed record EnrollmentResult(EnrollmentDecision? Decision, ReadOnlyMemory<byte>? RecordedAnswer, StageTimings Timings);

/// <summary>The outcome of a 1:1 comparison against a claimed subject.</summary>
public sealed record VerificationResult(bool Match, Candidate Result, double Threshold);

/// <summary>The candidates of a 1:N search and the threshold the searched population called for.</summary>
public sealed record IdentificationResult(IReadOnlyList<Candidate> Candidates, double Threshold, long SearchedSubjects);
