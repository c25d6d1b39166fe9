namespace Matcher.Gallery.Search;

/// <summary>
/// How much of the machine a search may use, and what it cost: the subjects it compared with the full matchers. One
/// instance may serve many searches at once; its count then adds up theirs.
/// </summary>
/// <param name="maxDegreeOfParallelism">Shards searched at once; -1 for as many as the thread pool gives.</param>
public sealed class SearchEffort(int maxDegreeOfParallelism = -1)
{
    private long _comparisons;
    private long _stopped;

    public int MaxDegreeOfParallelism { get; } = maxDegreeOfParallelism is -1 or > 0
        ? maxDegreeOfParallelism
        : throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 or a positive count.");

    /// <summary>Subjects compared with the full matchers so far.</summary>
    public long Comparisons => Interlocked.Read(ref _comparisons);

    /// <summary>Of <see cref="Comparisons"/>, those stopped after their leading samples (<see cref="GalleryOptions.ContinuationScore"/>).</summary>
    public long StoppedEarly => Interlocked.Read(ref _stopped);

    internal void AddComparisons(int count, int stoppedEarly)
    {
        Interlocked.Add(ref _comparisons, count);
        Interlocked.Add(ref _stopped, stoppedEarly);
    }
}
