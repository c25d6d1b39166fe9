using Matcher.Core.Scoring;
using Matcher.Gallery.Search;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Results;
using Matcher.Jobs.Running;
using Matcher.Jobs.Search;
using Matcher.Jobs.Store;
using Microsoft.Extensions.Logging;

namespace Matcher.Jobs;

public sealed partial class JobsCore
{
    /// <summary>One job at a time, oldest first; a job left running by a crash or a restart goes first.</summary>
    private async Task RunQueueAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            DedupJob? job;
            try
            {
                job = await ClaimNextAsync(stopping);
                if (job is null)
                {
                    await _work.WaitAsync(stopping);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            await RunAsync(job, stopping);
        }
    }

    /// <summary>Marks the next runnable job running: a new one gets its start (the moment fixing its galleries) logged.</summary>
    private async Task<DedupJob?> ClaimNextAsync(CancellationToken stopping)
    {
        await _transitions.WaitAsync(stopping);
        try
        {
            DedupJob? job;
            lock (_jobs)
            {
                job = _order.FirstOrDefault(j => j.State == JobState.Running) ?? _order.FirstOrDefault(j => j.State == JobState.Queued);
            }
            if (job is null || job.State == JobState.Running)
            {
                return job;
            }
            if (job.HasStarted)
            {
                await _log.StateAsync(job.Definition.JobId, new StateRecord(JobState.Running, null, null));
                job.SetState(JobState.Running);
                return job;
            }
            var definition = job.Definition;
            var now = _clock.GetUtcNow();
            var asOf = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            var total = JobMembers.Of(_index, definition.Gallery, asOf).Count;
            var searched = definition.IsSelfDedup ? total : JobMembers.Of(_index, definition.SearchedGallery, asOf).Count;
            var threshold = DecisionThreshold.ForIdentification(definition.TargetFalsePositiveIdentificationRate, Math.Max(1, searched));
            var started = new StartedRecord(asOf, now, total, searched, threshold);
            await _log.StartedAsync(definition.JobId, started);
            job.MarkStarted(started);
            _logger.LogInformation("Job {JobId} started: {Subjects} subjects against {Searched}, threshold {Threshold:0.0}.",
                definition.JobId, total, searched, threshold);
            return job;
        }
        finally
        {
            _transitions.Release();
        }
    }

    private async Task RunAsync(DedupJob job, CancellationToken stopping)
    {
        var checkpoint = new Checkpoint(job, _clock, _clock.GetTimestamp());
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stopping, job.StopToken);
        try
        {
            var asOf = job.GalleryAsOf!.Value;
            var members = JobMembers.Of(_index, job.Definition.Gallery, asOf);
            var deleted = job.SubjectsTotal - members.Count;
            var remaining = JobMembers.After(members, job.Cursor);
            var search = new DedupSearch(_index, job.Definition, asOf, job.Threshold);
            var effort = new SearchEffort(_options.Workers);
            var comparisonsBefore = job.Comparisons;
            var done = job.SubjectsDone;
            foreach (var block in remaining.Chunk(_options.BlockSize))
            {
                await _traffic.WhenQuietAsync(running.Token);
                var found = search.PairsOf(block, effort, running.Token);
                done += block.Length;
                checkpoint.Add(job.AddPairs(found));
                var due = checkpoint.IsDue(done, _options);
                if (due)
                {
                    deleted = job.SubjectsTotal - JobMembers.CountOf(_index, job.Definition.Gallery, asOf);
                }
                job.RecordProgress(block[^1].Key.SubjectId, done, comparisonsBefore + effort.Comparisons, deleted, _clock.GetUtcNow());
                if (due)
                {
                    await checkpoint.WriteAsync(_log);
                    checkpoint = new Checkpoint(job, _clock, _clock.GetTimestamp());
                }
            }
            job.RecordProgress(job.Cursor ?? "", job.SubjectsTotal, job.Comparisons, deleted, _clock.GetUtcNow());
            await checkpoint.WriteAsync(_log);
            await EndAsync(job, JobState.Completed, null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the blocks finished so far are kept; the job resumes from here on the next start.
            await checkpoint.WriteAsync(_log);
        }
        catch (OperationCanceledException) when (job.StopRequested is { } stop)
        {
            // Paused or cancelled: the block under way is dropped, a resumed job searches it again.
            await checkpoint.WriteAsync(_log);
            await EndAsync(job, stop, null);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Job {JobId} failed.", job.Definition.JobId);
            await checkpoint.WriteAsync(_log);
            await EndAsync(job, JobState.Failed, e.Message);
        }
    }

    private async Task EndAsync(DedupJob job, JobState state, string? failure)
    {
        await _transitions.WaitAsync();
        try
        {
            var endedAt = EndedAtFor(state);
            await _log.StateAsync(job.Definition.JobId, new StateRecord(state, endedAt, failure));
            job.SetState(state, endedAt, failure);
            var view = job.View();
            _logger.LogInformation("Job {JobId}: {State} after {Done} of {Total} subjects, {Pairs} pairs.",
                job.Definition.JobId, state, view.SubjectsDone, view.SubjectsTotal, view.PairsFound);
        }
        finally
        {
            _transitions.Release();
        }
    }

    /// <summary>The pairs found since the last checkpoint and when it was written.</summary>
    private sealed class Checkpoint(DedupJob job, TimeProvider clock, long startedAt)
    {
        private readonly List<DedupPair> _pairs = [];
        private readonly long _doneAtStart = job.SubjectsDone;

        public void Add(IEnumerable<DedupPair> pairs) => _pairs.AddRange(pairs);

        public bool IsDue(long subjectsDone, JobsOptions options) =>
            subjectsDone - _doneAtStart >= options.CheckpointEverySubjects || clock.GetElapsedTime(startedAt) >= options.CheckpointInterval;

        /// <summary>Pairs first, then the progress that covers them; a crash in between only repeats work.</summary>
        public async Task WriteAsync(JobLog log)
        {
            if (job.Cursor is not { } cursor || job.SubjectsDone == _doneAtStart && _pairs.Count == 0)
            {
                return;
            }
            await log.PairsAsync(job.Definition.JobId, _pairs);
            await log.ProgressAsync(job.Definition.JobId,
                new ProgressRecord(cursor, job.SubjectsDone, job.Comparisons, job.View().SubjectsDeletedSinceStart, clock.GetUtcNow()));
            _pairs.Clear();
        }
    }
}
