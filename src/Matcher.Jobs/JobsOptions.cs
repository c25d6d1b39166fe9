using Matcher.Sealing.Keys;

namespace Matcher.Jobs;

/// <summary>How background jobs run.</summary>
public sealed record JobsOptions
{
    /// <summary>Where the job log lives (a folder of its own, normally beside the subjects' log).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Seals the job log (it names subjects and their pairs) like the subjects' log; null keeps it plaintext.</summary>
    public MasterKey? MasterKey { get; init; }

    /// <summary>Shards searched at once, each on one core; stations still come first (jobs wait while they are served).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Subjects searched together: their first stage is one pass over the gallery. A job waits for station requests to
    /// end before each block, so a block is also how long a new station request may share the cores with the job.
    /// </summary>
    public int BlockSize { get; init; } = 16;

    /// <summary>A running job writes a checkpoint at least this often; a crash repeats at most this much work.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>... and at least every this many subjects searched.</summary>
    public int CheckpointEverySubjects { get; init; } = 1_000;

    /// <summary>A watcher gets the job's progress at most this often.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("Jobs need a data directory.", nameof(DataDirectory));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 1, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockSize, 1, nameof(BlockSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointEverySubjects, 1, nameof(CheckpointEverySubjects));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CheckpointInterval, TimeSpan.Zero, nameof(CheckpointInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(WatchInterval, TimeSpan.Zero, nameof(WatchInterval));
    }
}
