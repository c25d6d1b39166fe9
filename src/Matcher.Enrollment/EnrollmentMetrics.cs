using System.Diagnostics.Metrics;
using Matcher.Core.Telemetry;
using Matcher.Enrollment.Import;

namespace Matcher.Enrollment;

/// <summary>
/// What the enrollment protocol decided and where its time went. Requests per RPC and status are counted by the host;
/// these say what happened inside: the duplicate check's decisions, the gallery lock stations queue on, imports.
/// </summary>
internal static class EnrollmentMetrics
{
    public static readonly Counter<long> Decisions = MatcherMetrics.Meter.CreateCounter<long>(
        "matcher.enrollment.decisions", "{enrollment}",
        "Enrollments by dedup mode (insert_only, insert_if_unique, insert_and_report) and outcome (enrolled, " +
        "enrolled_with_candidates, duplicate_found, retry_answered: a retried request id got its first answer).");

    public static readonly Histogram<double> StageDuration = MatcherMetrics.Seconds(
        "matcher.enrollment.stage.duration",
        "Time of one enrollment's stage: extract (reading the samples), search (duplicate check, lock wait included), persist (fsync).");

    public static readonly Histogram<double> GalleryLockWait = MatcherMetrics.Seconds(
        "matcher.enrollment.gallery_lock.wait", "Time an enrollment or delete waited for its gallery's lock, which serialises search and insert.");

    public static readonly Counter<long> ImportedSubjects = MatcherMetrics.Meter.CreateCounter<long>(
        "matcher.import.subjects", "{subject}", "Subjects of bulk imports by result: imported, already_present, failed.");

    public static void RecordDecision(EnrollmentMode mode, string outcome) =>
        Decisions.Add(1, new KeyValuePair<string, object?>("mode", ModeName(mode)), new KeyValuePair<string, object?>("outcome", outcome));

    public static void RecordDecision(EnrollmentMode mode, EnrollmentOutcome outcome) => RecordDecision(mode, outcome switch
    {
        EnrollmentOutcome.DuplicateFound => "duplicate_found",
        EnrollmentOutcome.EnrolledWithCandidates => "enrolled_with_candidates",
        _ => "enrolled",
    });

    public static void RecordStages(StageTimings timings)
    {
        StageDuration.Record(timings.Extract.TotalSeconds, new KeyValuePair<string, object?>("stage", "extract"));
        StageDuration.Record(timings.Search.TotalSeconds, new KeyValuePair<string, object?>("stage", "search"));
        StageDuration.Record(timings.Persist.TotalSeconds, new KeyValuePair<string, object?>("stage", "persist"));
    }

    public static void RecordImport(ImportReport report)
    {
        ImportedSubjects.Add(report.Imported, new KeyValuePair<string, object?>("result", "imported"));
        ImportedSubjects.Add(report.AlreadyPresent, new KeyValuePair<string, object?>("result", "already_present"));
        ImportedSubjects.Add(report.Failed, new KeyValuePair<string, object?>("result", "failed"));
    }

    private static string ModeName(EnrollmentMode mode) => mode switch
    {
        EnrollmentMode.InsertOnly => "insert_only",
        EnrollmentMode.InsertAndReport => "insert_and_report",
        _ => "insert_if_unique",
    };
}
