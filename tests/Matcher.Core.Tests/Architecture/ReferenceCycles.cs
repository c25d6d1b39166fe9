namespace Matcher.Core.Tests.Architecture;

/// <summary>Cycle search in a project reference graph (depth-first, references outside the graph ignored).</summary>
internal static class ReferenceCycles
{
    /// <summary>One cycle as the projects along it, first repeated at the end (A, B, A), or null when there is none.</summary>
    public static IReadOnlyList<string>? FindOne(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var project in graph.Keys.Order(StringComparer.Ordinal))
        {
            var cycle = Visit(project, graph, finished, path);
            if (cycle is not null)
            {
                return cycle;
            }
        }
        return null;
    }

    private static List<string>? Visit(string project, IReadOnlyDictionary<string, IReadOnlySet<string>> graph, HashSet<string> finished, List<string> path)
    {
        var onPath = path.IndexOf(project);
        if (onPath >= 0)
        {
            return [.. path[onPath..], project];
        }
        if (finished.Contains(project) || !graph.TryGetValue(project, out var references))
        {
            return null;
        }
        path.Add(project);
        foreach (var reference in references.Order(StringComparer.Ordinal))
        {
            var cycle = Visit(reference, graph, finished, path);
            if (cycle is not null)
            {
                return cycle;
            }
        }
        path.RemoveAt(path.Count - 1);
        finished.Add(project);
        return null;
    }
}
