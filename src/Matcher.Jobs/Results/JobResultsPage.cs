using Matcher.Jobs.Running;

namespace Matcher.Jobs.Results;

/// <summary>
/// One page of a job's pairs, best first, with the cluster of each, and every cluster on the first page. While a job
/// runs new pairs may enter before a page already read; once it has ended, the pages are stable.
/// </summary>
public sealed record JobResultsPage(
    JobStatusView Status,
    IReadOnlyList<(DedupPair Pair, int Cluster)> Pairs,
    IReadOnlyList<DuplicateCluster> Clusters,
    int TotalPairs,
    int? NextOffset);
