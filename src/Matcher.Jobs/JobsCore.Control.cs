using Matcher.Core.Errors;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Running;
using Matcher.Jobs.Store;
using Microsoft.Extensions.Logging;

namespace Matcher.Jobs;

public sealed partial class JobsCore
{
    /// <summary>Stops a job for good; a running one at its next block of subjects, after a last checkpoint.</summary>
    /// <exception cref="RequestRefusedException">No such job, or it has ended already.</exception>
    public Task<JobStatusView> CancelAsync(string jobId, CancellationToken cancellation) =>
        StopAsync(jobId, JobState.Cancelled, cancellation);

    /// <summary>Holds a job where it is; a paused job keeps its place and continues when resumed.</summary>
    /// <exception cref="RequestRefusedException">No such job, or it has ended already.</exception>
    public Task<JobStatusView> PauseAsync(string jobId, CancellationToken cancellation) =>
        StopAsync(jobId, JobState.Paused, cancellation);

    /// <exception cref="RequestRefusedException">No such job, or it has ended already.</exception>
    public async Task<JobStatusView> ResumeAsync(string jobId, CancellationToken cancellation)
    {
        var job = Find(jobId);
        await _transitions.WaitAsync(cancellation);
        try
        {
            RequireNotEnded(job, "resume");
            if (job.State == JobState.Paused)
            {
                await _log.StateAsync(jobId, new StateRecord(JobState.Queued, null, null));
                job.SetState(JobState.Queued);
                _logger.LogInformation("Job {JobId} resumed.", jobId);
                _work.Release();
            }
            return job.View();
        }
        finally
        {
            _transitions.Release();
        }
    }

    private async Task<JobStatusView> StopAsync(string jobId, JobState stop, CancellationToken cancellation)
    {
        var job = Find(jobId);
        await _transitions.WaitAsync(cancellation);
        try
        {
            RequireNotEnded(job, stop == JobState.Cancelled ? "cancel" : "pause");
            if (job.State == JobState.Running)
            {
                job.RequestStop(stop);
            }
            else if (job.State != stop)
            {
                await _log.StateAsync(jobId, new StateRecord(stop, EndedAtFor(stop), null));
                job.SetState(stop, EndedAtFor(stop));
                _logger.LogInformation("Job {JobId}: {State}.", jobId, stop);
                return job.View();
            }
        }
        finally
        {
            _transitions.Release();
        }
        // The runner stops at its next block (a few subjects); the caller's deadline bounds the wait.
        while (true)
        {
            var changed = job.Changed;
            if (job.State != JobState.Running)
            {
                return job.View();
            }
            await changed.WaitAsync(cancellation);
        }
    }

    private DateTimeOffset? EndedAtFor(JobState state) => state.IsFinal() ? _clock.GetUtcNow() : null;

    private static void RequireNotEnded(DedupJob job, string action)
    {
        if (job.State.IsFinal())
        {
            throw RequestRefusedException.FailedPrecondition("job.ended",
                $"Job {job.Definition.JobId} has ended ({job.State.ToString().ToLowerInvariant()}); there is nothing to {action}.");
        }
    }
}
