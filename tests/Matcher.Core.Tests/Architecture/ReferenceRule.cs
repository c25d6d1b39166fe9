namespace Matcher.Core.Tests.Architecture;

/// <summary>
/// One layering rule: no project matched by <see cref="From"/> references a project matched by <see cref="Forbidden"/>.
/// Projects are named exactly or by a prefix ending in <c>*</c> (<c>Matcher.Redis*</c>), so a rule also covers
/// projects that do not exist yet.
/// </summary>
internal sealed record ReferenceRule(string Why, ProjectSet From, ProjectSet Forbidden)
{
    /// <summary>Every reference in the graph that breaks this rule, as "A -> B".</summary>
    public IEnumerable<string> Violations(IReadOnlyDictionary<string, IReadOnlySet<string>> graph) =>
        from project in graph.Keys.Order(StringComparer.Ordinal)
        where From.Contains(project)
        from target in graph[project].Order(StringComparer.Ordinal)
        where Forbidden.Contains(target)
        select $"{project} -> {target}";
}

/// <summary>A set of project names: the listed ones (<see cref="AnyOf"/>) or all but them (<see cref="AllBut"/>).</summary>
internal sealed class ProjectSet
{
    private readonly string[] _patterns;
    private readonly bool _complement;

    private ProjectSet(string[] patterns, bool complement)
    {
        _patterns = patterns;
        _complement = complement;
    }

    public static ProjectSet AnyOf(params string[] patterns) => new(patterns, complement: false);

    public static ProjectSet AllBut(params string[] patterns) => new(patterns, complement: true);

    public bool Contains(string project) => _patterns.Any(pattern => Matches(pattern, project)) != _complement;

    private static bool Matches(string pattern, string project) => pattern.EndsWith('*')
        ? project.StartsWith(pattern[..^1], StringComparison.Ordinal)
        : project == pattern;
}
