using System.Diagnostics.Metrics;
using Matcher.Core.Telemetry;
using Matcher.Jobs.Definitions;

namespace Matcher.Jobs.Running;

/// <summary>
/// Progress of the jobs that have not ended (queued, running, paused), read at each scrape and labelled by the job id
/// the server made (<c>dedup-000001</c>): never a label, gallery or request id from a caller. An ended job drops out,
/// so the label set stays as small as the queue. Its meter belongs to one <see cref="JobsCore"/> and ends with it.
/// </summary>
internal sealed class JobMetrics : IDisposable
{
    private static readonly JobState[] States = [.. Enum.GetValues<JobState>().Where(s => !s.IsFinal())];

    private readonly Meter _meter = new(MatcherMetrics.MeterName);

    public JobMetrics(Func<IReadOnlyList<JobStatusView>> jobs)
    {
        _meter.CreateObservableGauge("matcher.jobs.subjects.done",
            () => Unended(jobs).Select(j => new Measurement<long>(j.SubjectsDone, JobTag(j))),
            "{subject}", "Subjects a dedup job has searched so far, per job not ended.");
        _meter.CreateObservableGauge("matcher.jobs.subjects.total",
            () => Unended(jobs).Select(j => new Measurement<long>(j.SubjectsTotal, JobTag(j))),
            "{subject}", "Subjects a dedup job searches in all (0 until it starts), per job not ended.");
        _meter.CreateObservableGauge("matcher.jobs.pairs",
            () => Unended(jobs).Select(j => new Measurement<long>(j.PairsFound, JobTag(j))),
            "{pair}", "Candidate pairs a dedup job has found so far, per job not ended.");
        _meter.CreateObservableGauge("matcher.jobs.comparisons",
            () => Unended(jobs).Select(j => new Measurement<long>(j.Comparisons, JobTag(j))),
            "{comparison}", "Full comparisons a dedup job has made so far, per job not ended.");
        _meter.CreateObservableGauge("matcher.jobs.state",
            () => Unended(jobs).SelectMany(j => States.Select(s => new Measurement<int>(s == j.State ? 1 : 0, JobTag(j),
                new KeyValuePair<string, object?>("state", StateName(s))))),
            "{state}", "1 for a job's current state (queued, running, paused), 0 for the others, per job not ended.");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<JobStatusView> Unended(Func<IReadOnlyList<JobStatusView>> jobs) =>
        jobs().Where(j => !j.State.IsFinal());

    private static KeyValuePair<string, object?> JobTag(JobStatusView job) => new("job", job.Definition.JobId);

    private static string StateName(JobState state) => state.ToString().ToLowerInvariant();
}
