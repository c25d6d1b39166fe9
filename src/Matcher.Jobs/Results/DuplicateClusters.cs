using Matcher.Core.Subjects;

namespace Matcher.Jobs.Results;

/// <summary>Groups pairs into connected components (union-find with path halving), numbered best pair first.</summary>
public static class DuplicateClusters
{
    /// <summary>The clusters of <paramref name="pairs"/> and, for each pair in its order, the number of its cluster.</summary>
    public static (IReadOnlyList<DuplicateCluster> Clusters, IReadOnlyList<int> ClusterOfPair) Of(IReadOnlyList<DedupPair> pairs)
    {
        var parent = new Dictionary<SubjectKey, SubjectKey>();
        foreach (var pair in pairs)
        {
            Union(parent, pair.Subject, pair.Other);
        }
        var groups = new Dictionary<SubjectKey, (List<SubjectKey> Members, int Pairs, double Best)>();
        foreach (var member in parent.Keys)
        {
            var root = Find(parent, member);
            if (!groups.TryGetValue(root, out var group))
            {
                group = ([], 0, double.NegativeInfinity);
            }
            group.Members.Add(member);
            groups[root] = group;
        }
        foreach (var pair in pairs)
        {
            var root = Find(parent, pair.Subject);
            var group = groups[root];
            groups[root] = (group.Members, group.Pairs + 1, Math.Max(group.Best, pair.Score));
        }
        foreach (var group in groups.Values)
        {
            group.Members.Sort(DedupPair.Compare);
        }
        var ordered = groups
            .OrderByDescending(g => g.Value.Best)
            .ThenBy(g => g.Value.Members[0], Comparer<SubjectKey>.Create(DedupPair.Compare))
            .ToList();
        var numberOfRoot = new Dictionary<SubjectKey, int>();
        var clusters = new List<DuplicateCluster>(ordered.Count);
        foreach (var (root, group) in ordered)
        {
            var number = clusters.Count + 1;
            numberOfRoot[root] = number;
            clusters.Add(new DuplicateCluster(number, group.Members, group.Pairs, group.Best));
        }
        return (clusters, pairs.Select(p => numberOfRoot[Find(parent, p.Subject)]).ToList());
    }

    private static SubjectKey Find(Dictionary<SubjectKey, SubjectKey> parent, SubjectKey key)
    {
        while (parent[key] is var up && up != key)
        {
            var grandparent = parent[up];
            parent[key] = grandparent;
            key = grandparent;
        }
        return key;
    }

    private static void Union(Dictionary<SubjectKey, SubjectKey> parent, SubjectKey a, SubjectKey b)
    {
        parent.TryAdd(a, a);
        parent.TryAdd(b, b);
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA != rootB)
        {
            parent[rootB] = rootA;
        }
    }
}
