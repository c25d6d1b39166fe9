using Matcher.Core.Errors;
using Matcher.Core.Subjects;
using Matcher.Enrollment.Import;
using Matcher.Enrollment.Requests;

namespace Matcher.Enrollment.Subjects;

/// <summary>Bulk import: many subjects staged with one acquisition of the order lock, their fsyncs shared by group commit.</summary>
internal sealed partial class SubjectStore
{
    /// <summary>Encodes a subject for the log; done outside every lock, on as many threads as there are subjects.</summary>
    public static PreparedImport Prepare(SubjectRecord record, RequestIdRecord? request)
    {
        var payload = SubjectRecordCodec.Encode(record);
        return request is null
            ? new PreparedImport(record, null, EnrolledRecord, payload, payload)
            : new PreparedImport(record, request, EnrolledForRequestRecord, payload, RequestIdRecordCodec.Encode(request, payload));
    }

    /// <summary>
    /// Stages the subjects that are new, in the order given: each is checked against the index and the earlier subjects
    /// of the batch (an id taken with the same samples is already present, with other samples refused; a request id
    /// used for another subject is refused), the new ones enter the index on every core, then take their places in the
    /// log. A subject the index refuses changes nothing. <see cref="StagedImport.Durable"/> completes once all the
    /// staged ones are on disk; should that fail, they leave the index again. The caller holds the lock of every gallery
    /// named, so no enrollment checks an id between this check and the insert.
    /// </summary>
    public async Task<StagedImport> StageImportAsync(IReadOnlyList<PreparedImport> subjects, CancellationToken cancellation)
    {
        var verdicts = new ImportVerdict[subjects.Count];
        var refusals = new Exception?[subjects.Count];
        await _order.WaitAsync(cancellation);
        try
        {
            var admitted = Admit(subjects, verdicts, refusals);
            AddToIndex(subjects, admitted, verdicts, refusals);
            var staged = admitted.Where(i => verdicts[i] == ImportVerdict.Staged).Select(i => subjects[i]).ToList();
            if (staged.Count == 0)
            {
                return new StagedImport(verdicts, refusals, Task.CompletedTask);
            }
            foreach (var request in staged.Select(s => s.Request).OfType<RequestIdRecord>())
            {
                RequestIds.Add(request);
            }
            var last = await EnqueueAllAsync(staged);
            _lastStaged = last.Durable;
            _lastStagedSequence = last.Sequence;
            CountChanges(staged.Count, last);
            return new StagedImport(verdicts, refusals, CompleteImportAsync(last, staged));
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>The subjects of the batch that are new and may be inserted, by their place in it.</summary>
    private List<int> Admit(IReadOnlyList<PreparedImport> subjects, ImportVerdict[] verdicts, Exception?[] refusals)
    {
        var admitted = new List<int>(subjects.Count);
        var recordsInBatch = new Dictionary<SubjectKey, SubjectRecord>();
        var requestsInBatch = new Dictionary<string, RequestIdRecord>(StringComparer.Ordinal);
        for (var i = 0; i < subjects.Count; i++)
        {
            var record = subjects[i].Record;
            if (subjects[i].Request is { } request
                && (RequestIds.Find(request.RequestId) ?? requestsInBatch.GetValueOrDefault(request.RequestId)) is { } used
                && used.Subject != record.Key)
            {
                verdicts[i] = ImportVerdict.Refused;
                refusals[i] = EnrollmentRequests.IdReused(used);
                continue;
            }
            if ((Index.Get(record.Key) ?? recordsInBatch.GetValueOrDefault(record.Key)) is { } present)
            {
                var same = SameSamples.Equal(present.Samples, record.Samples);
                verdicts[i] = same ? ImportVerdict.AlreadyPresent : ImportVerdict.Refused;
                refusals[i] = same ? null : RequestRefusedException.AlreadyExists("subject.exists_with_other_samples",
                    $"Subject '{record.Key.SubjectId}' is already enrolled in gallery '{record.Key.Gallery}' with other samples; " +
                    "it was left unchanged. Delete it first to replace it, or give the new samples another subject id.");
                continue;
            }
            recordsInBatch.Add(record.Key, record);
            if (subjects[i].Request is { } fresh)
            {
                requestsInBatch[fresh.RequestId] = fresh;
            }
            verdicts[i] = ImportVerdict.Staged;
            admitted.Add(i);
        }
        return admitted;
    }

    /// <summary>
    /// Shards take their writes independently, so the batch is indexed on every core. The first subject of a gallery
    /// the index does not hold yet goes in alone: it creates the gallery's shards, which must happen exactly once.
    /// </summary>
    private void AddToIndex(IReadOnlyList<PreparedImport> subjects, List<int> admitted, ImportVerdict[] verdicts, Exception?[] refusals)
    {
        var known = Index.Galleries.ToHashSet(StringComparer.Ordinal);
        var opening = admitted.Where(i => known.Add(subjects[i].Record.Key.Gallery)).ToHashSet();
        foreach (var i in opening)
        {
            Add(i);
        }
        Parallel.ForEach(admitted.Where(i => !opening.Contains(i)), Add);

        void Add(int i)
        {
            try
            {
                Index.Add(subjects[i].Record);
            }
            catch (ArgumentException e)
            {
                verdicts[i] = ImportVerdict.Refused;
                refusals[i] = BiometricInputException.Invalid("sample.not_indexable", e.Message);
            }
        }
    }

    /// <summary>A log that refuses one (it is closing) refuses the rest: those leave the index again.</summary>
    private async Task<Storage.Log.LogAppend> EnqueueAllAsync(List<PreparedImport> staged)
    {
        Storage.Log.LogAppend last = default;
        for (var i = 0; i < staged.Count; i++)
        {
            var subject = staged[i];
            try
            {
                last = await _log.EnqueueAsync(subject.RecordType, subject.Logged);
            }
            catch
            {
                Undo(staged.Skip(i));
                throw;
            }
            var mirrored = Mirrored(subject.Request);
            _mirrorFeed.Add(last.Sequence, (mirror, sequence) =>
                mirror.MirrorEnrolled(subject.Record.Key.Gallery, subject.Record.Key.SubjectId, sequence, subject.Payload, mirrored));
        }
        return last;
    }

    /// <summary>Batches are fsynced in log order and a failed write fails every later one, so the last staged subject speaks for all.</summary>
    private async Task CompleteImportAsync(Storage.Log.LogAppend last, List<PreparedImport> staged)
    {
        try
        {
            await last.Durable;
        }
        catch (IOException)
        {
            await _order.WaitAsync();
            try
            {
                Undo(staged);
            }
            finally
            {
                _order.Release();
            }
            throw;
        }
        _mirrorFeed.Release(_log.LastSequence);
    }

    private void Undo(IEnumerable<PreparedImport> staged)
    {
        foreach (var subject in staged)
        {
            Index.Remove(subject.Record.Key);
            if (subject.Request is not null)
            {
                RequestIds.Forget(subject.Request);
            }
        }
    }
}
