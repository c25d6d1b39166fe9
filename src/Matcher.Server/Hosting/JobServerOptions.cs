using System.ComponentModel.DataAnnotations;
using Matcher.Jobs;

namespace Matcher.Server.Hosting;

/// <summary>How batch dedup jobs run on this node (section Matcher:Jobs); the job log lives in DataDirectory/jobs.</summary>
public sealed class JobServerOptions
{
    /// <summary>Shards a job searches at once, one core each; 0 means one per core. Station requests always go first.</summary>
    [Range(0, 1024)]
    public int Workers { get; set; }

    /// <summary>A running job writes a checkpoint at least this often: a crash repeats at most this much of its work.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>... and at least every this many subjects.</summary>
    [Range(1, 10_000_000)]
    public int CheckpointEverySubjects { get; set; } = 1_000;

    /// <summary>Candidates kept per searched subject when a start request does not say.</summary>
    [Range(1, 1000)]
    public int DefaultMaxCandidatesPerSubject { get; set; } = 20;

    public JobsOptions ToJobsOptions(string dataDirectory) => new()
    {
        DataDirectory = Path.Combine(Path.GetFullPath(dataDirectory), "jobs"),
        Workers = Workers == 0 ? Environment.ProcessorCount : Workers,
        CheckpointInterval = CheckpointInterval,
        CheckpointEverySubjects = CheckpointEverySubjects,
    };

    internal IEnumerable<ValidationResult> Validate()
    {
        if (CheckpointInterval < TimeSpan.FromMilliseconds(10) || CheckpointInterval > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult(
                $"Matcher:Jobs:CheckpointInterval '{CheckpointInterval}' must lie between 00:00:00.010 and 01:00:00.", [nameof(CheckpointInterval)]);
        }
    }
}
