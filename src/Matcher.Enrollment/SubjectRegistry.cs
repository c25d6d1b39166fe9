using Matcher.Core.Errors;
using Matcher.Core.Scoring;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Enrollment.Dedup;
using Matcher.Enrollment.Import;
using Matcher.Enrollment.Requests;
using Matcher.Enrollment.Subjects;
using Matcher.Gallery;
using Matcher.Gallery.Search;
using Microsoft.Extensions.Logging;

namespace Matcher.Enrollment;

/// <summary>
/// The enrolled population and the protocol around it, independent of any host: enrollment with a duplicate check,
/// verification, identification and deletion. The duplicate search and the insert run under one lock per gallery,
/// so two stations enrolling the same person at the same moment can never both find the gallery free of them; the
/// lock is released once the insert is staged (searchable), before its fsync, so concurrent enrollments share
/// fsyncs and separate galleries never wait for each other. A request is answered only once its change is on disk.
/// </summary>
public sealed class SubjectRegistry
{
    private readonly SubjectStore _store;
    private readonly GalleryLocks _galleryLocks = new();
    private readonly EnrollmentRequests _requests;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    internal SubjectRegistry(SubjectStore store, EnrollmentRequests requests, TimeProvider clock, ILogger logger)
    {
        _store = store;
        _requests = requests;
        _clock = clock;
        _logger = logger;
    }

    public SubjectIndex Index => _store.Index;

    /// <summary>
    /// Enrolls a subject, or answers a retried request id with its first answer. <paramref name="readSamples"/> extracts
    /// the request's samples; it is called only once the request is known to be new and the id free, so retries and
    /// taken ids cost no extraction. <paramref name="answerOf"/> encodes the host's answer for a decision, which is
    /// logged with the request id and returned unchanged to a retry.
    /// </summary>
    /// <exception cref="RequestRefusedException">The subject is enrolled already, or the request id was used for another subject.</exception>
    public async Task<EnrollmentResult> EnrollAsync(EnrollmentCommand command, Func<CancellationToken, SubjectSamples> readSamples,
        Func<EnrollmentDecision, byte[]> answerOf, CancellationToken cancellation)
    {
        var started = _clock.GetTimestamp();
        if (command.RequestId is not { } requestId)
        {
            return await EnrollOnceAsync(command, readSamples, answerOf, started, cancellation);
        }
        using (await _requests.LockAsync(requestId, cancellation))
        {
            if (await _requests.FindAsync(requestId, command.Subject) is { } original)
            {
                _logger.LogInformation("Enroll {Gallery}/{SubjectId}: retry of request {RequestId}, original answer returned",
                    command.Subject.Gallery, command.Subject.SubjectId, requestId);
                var elapsed = _clock.GetElapsedTime(started);
                EnrollmentMetrics.RecordDecision(command.Mode, "retry_answered");
                return new EnrollmentResult(null, original, new StageTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, elapsed));
            }
            return await EnrollOnceAsync(command, readSamples, answerOf, started, cancellation);
        }
    }

    /// <summary>
    /// Bulk load: inserts the streamed subjects without a duplicate search (batch dedup jobs find duplicates later).
    /// A subject enrolled already with the same samples is counted as present and left alone, so an interrupted import
    /// is resumed by sending everything again; any other problem with a subject fails that subject only and changes
    /// nothing. The report counts a subject as imported only once it is on disk. Cancelled, the import stops reading;
    /// what it staged before stays and reaches the disk before the cancellation is thrown.
    /// </summary>
    /// <param name="enrolledAnswer">The answer an enrollment retried with a subject's request id gets, as the host encodes it.</param>
    public async Task<ImportReport> ImportAsync(IAsyncEnumerable<ImportItem> items, byte[] enrolledAnswer, ImportOptions options,
        CancellationToken cancellation)
    {
        var importer = new SubjectImporter(_store, _galleryLocks, _requests, _clock, options);
        var report = await importer.ImportAsync(items, enrolledAnswer, cancellation);
        EnrollmentMetrics.RecordImport(report);
        _logger.LogInformation("Import: {Imported} imported, {AlreadyPresent} already present, {Failed} failed, {Milliseconds:0} ms",
            report.Imported, report.AlreadyPresent, report.Failed, report.Timings.Total.TotalMilliseconds);
        return report;
    }

    /// <exception cref="RequestRefusedException">The subject is not enrolled.</exception>
    public SubjectRecord Get(SubjectKey key) => _store.Index.Get(key) ?? throw SubjectMissing(key);

    /// <summary>Compares the probe with the claimed subject's samples of the same kinds.</summary>
    /// <exception cref="RequestRefusedException">The subject is not enrolled, or has no sample of the kinds sent.</exception>
    public VerificationResult Verify(SubjectKey key, SubjectSamples samples, double targetFalseMatchRate, CancellationToken cancellation)
    {
        Get(key);
        var scope = new SearchScope(new HashSet<string>(StringComparer.Ordinal) { key.Gallery }, new HashSet<string>(StringComparer.Ordinal) { key.SubjectId });
        var result = _store.Index.Search(samples.ToProbe(_store.Index), scope, 1, 0, cancellation).FirstOrDefault()
            ?? throw RequestRefusedException.FailedPrecondition("verify.nothing_to_compare",
                $"Subject {key} has no enrolled sample of the kinds sent (same finger positions or a face); nothing could be compared.");
        var threshold = DecisionThreshold.ForVerification(targetFalseMatchRate);
        return new VerificationResult(result.Score >= threshold, result, threshold);
    }

    /// <summary>Candidates in <paramref name="scope"/> at or above the threshold its size calls for, best first.</summary>
    public IdentificationResult Identify(SubjectSamples samples, SearchScope scope, int maxCandidates, double targetFalsePositiveIdentificationRate,
        CancellationToken cancellation)
    {
        var searched = _store.Index.CountIn(scope);
        var threshold = DecisionThreshold.ForIdentification(targetFalsePositiveIdentificationRate, Math.Max(1, searched));
        var candidates = _store.Index.Search(samples.ToProbe(_store.Index), scope, maxCandidates, threshold, cancellation);
        return new IdentificationResult(candidates, threshold, searched);
    }

    /// <exception cref="RequestRefusedException">The subject is not enrolled.</exception>
    public async Task DeleteAsync(SubjectKey key, CancellationToken cancellation)
    {
        StagedChange staged;
        var waiting = _clock.GetTimestamp();
        using (await _galleryLocks.AcquireAsync(key.Gallery, cancellation))
        {
            EnrollmentMetrics.GalleryLockWait.Record(_clock.GetElapsedTime(waiting).TotalSeconds);
            staged = await _store.RemoveAsync(key, CancellationToken.None) ?? throw SubjectMissing(key);
        }
        await staged.Durable;
        _logger.LogInformation("Deleted {Gallery}/{SubjectId}", key.Gallery, key.SubjectId);
    }

    private async Task<EnrollmentResult> EnrollOnceAsync(EnrollmentCommand command, Func<CancellationToken, SubjectSamples> readSamples,
        Func<EnrollmentDecision, byte[]> answerOf, long started, CancellationToken cancellation)
    {
        var key = command.Subject;
        if (_store.Index.Get(key) is not null)
        {
            throw SubjectExists(key);
        }
        var samples = readSamples(cancellation);
        // Prepared before the gallery lock, which other stations of the gallery wait for.
        var probe = command.Mode == EnrollmentMode.InsertOnly ? null : samples.ToProbe(_store.Index);
        var extracted = _clock.GetElapsedTime(started);
        EnrollmentDecision decision;
        RequestIdRecord? requestRecord;
        StagedChange? staged = null;
        TimeSpan searched;
        var waiting = _clock.GetTimestamp();
        using (await _galleryLocks.AcquireAsync(key.Gallery, cancellation))
        {
            EnrollmentMetrics.GalleryLockWait.Record(_clock.GetElapsedTime(waiting).TotalSeconds);
            // Checked again under the lock: another station may have taken the id meanwhile.
            if (_store.Index.Get(key) is not null)
            {
                throw SubjectExists(key);
            }
            decision = Decide(command, probe, cancellation);
            searched = _clock.GetElapsedTime(started);
            var inserts = decision.Outcome != EnrollmentOutcome.DuplicateFound;
            requestRecord = command.RequestId is { } requestId ? _requests.Record(requestId, key, answerOf(decision)) : null;
            if (inserts)
            {
                staged = await _store.AddAsync(samples.ToRecord(key, _clock.GetUtcNow()), requestRecord, CancellationToken.None);
            }
            else if (requestRecord is not null)
            {
                staged = await _store.RecordOutcomeAsync(requestRecord, CancellationToken.None);
            }
        }
        if (staged is { } change)
        {
            await change.Durable;
        }
        var total = _clock.GetElapsedTime(started);
        _logger.LogInformation("Enroll {Gallery}/{SubjectId}: {Outcome}, {Candidates} candidates, {Milliseconds:0} ms",
            key.Gallery, key.SubjectId, decision.Outcome, decision.Candidates.Count, total.TotalMilliseconds);
        var timings = new StageTimings(extracted, searched - extracted, total - searched, total);
        EnrollmentMetrics.RecordDecision(command.Mode, decision.Outcome);
        EnrollmentMetrics.RecordStages(timings);
        return new EnrollmentResult(decision, null, timings);
    }

    /// <summary>Called under the gallery lock: the search sees every enrollment of the gallery staged before it.</summary>
    /// <param name="probe">Null for an insert-only enrollment, which searches nothing.</param>
    private EnrollmentDecision Decide(EnrollmentCommand command, SearchProbe? probe, CancellationToken cancellation)
    {
        var gallery = command.Subject.Gallery;
        var threshold = DecisionThreshold.ForIdentification(command.TargetFalsePositiveIdentificationRate, Math.Max(1, _store.Index.CountIn(gallery)));
        IReadOnlyList<Candidate> candidates = [];
        if (probe is not null)
        {
            var scope = new SearchScope(Galleries: new HashSet<string>(StringComparer.Ordinal) { gallery });
            candidates = _store.Index.Search(probe, scope, command.MaxCandidates, threshold, cancellation);
        }
        var outcome = candidates.Count == 0 ? EnrollmentOutcome.Enrolled
            : command.Mode == EnrollmentMode.InsertIfUnique ? EnrollmentOutcome.DuplicateFound
            : EnrollmentOutcome.EnrolledWithCandidates;
        return new EnrollmentDecision(outcome, threshold, candidates);
    }

    private static RequestRefusedException SubjectExists(SubjectKey key) =>
        RequestRefusedException.AlreadyExists("subject.already_exists", $"Subject '{key.SubjectId}' is already enrolled in gallery '{key.Gallery}'.");

    private static RequestRefusedException SubjectMissing(SubjectKey key) =>
        RequestRefusedException.NotFound("subject.not_found", $"Subject '{key.SubjectId}' is not enrolled in gallery '{key.Gallery}'.");
}
