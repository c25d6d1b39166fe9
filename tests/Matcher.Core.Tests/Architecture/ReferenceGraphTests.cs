using Xunit;
using static Matcher.Core.Tests.Architecture.ProjectSet;

namespace Matcher.Core.Tests.Architecture;

/// <summary>
/// Pins the layering of the source projects: engines below galleries and storage, storage backends on Core alone,
/// the service on top, the command line a client of the service only. A failure names the reference that breaks a rule.
/// </summary>
public sealed class ReferenceGraphTests
{
    private static readonly string[] Engines = ["Matcher.Imaging", "Matcher.Simd", "Matcher.Fingerprint", "Matcher.Face"];

    private static readonly Dictionary<string, ReferenceRule> Rules = new(StringComparer.Ordinal)
    {
        ["engines"] = new("engines know nothing of galleries, storage, enrollment or the programs that host them",
            AnyOf(Engines),
            AnyOf("Matcher.Gallery", "Matcher.Storage", "Matcher.Redis*", "Matcher.Enrollment", "Matcher.Server", "Matcher.Cli")),
        ["core"] = new("Core is the bottom layer every other project builds on",
            AnyOf("Matcher.Core"), AllBut()),
        ["storage"] = new("storage backends persist Core types, sealed when a key is given, and nothing else",
            AnyOf("Matcher.Storage", "Matcher.Redis*"), AllBut("Matcher.Core", "Matcher.Sealing")),
        ["sealing"] = new("sealing is a leaf every store can use: it references none of our projects",
            AnyOf("Matcher.Sealing"), AllBut()),
        ["enrollment"] = new("enrollment is the service's workflow; no other project drives it",
            AllBut("Matcher.Server"), AnyOf("Matcher.Enrollment")),
        ["gallery"] = new("galleries index samples through the modality contract, without knowing which engine made them",
            AnyOf("Matcher.Gallery"), AnyOf("Matcher.Fingerprint", "Matcher.Face", "Matcher.Imaging")),
        ["population"] = new("the synthetic population is made from the fingerprint engine and plain vectors, so scale tests can use it without the face models or a gallery",
            AnyOf("Matcher.Population"), AllBut("Matcher.Core", "Matcher.Fingerprint")),
        ["population users"] = new("the synthetic population is test and benchmark material: only the command line and its load test may ship it",
            AllBut("Matcher.Cli", "Matcher.Load"), AnyOf("Matcher.Population")),
        ["load"] = new("the load test is a client of the service and never links the service's internals",
            AnyOf("Matcher.Load"), AnyOf("Matcher.Server", "Matcher.Gallery", "Matcher.Storage", "Matcher.Enrollment", "Matcher.Jobs")),
        ["cli"] = new("the command line is a client of the service and never links the service's internals",
            AnyOf("Matcher.Cli"), AnyOf("Matcher.Server", "Matcher.Gallery", "Matcher.Storage", "Matcher.Enrollment")),
    };

    public static TheoryData<string> RuleNames() => new(Rules.Keys);

    [Fact]
    public void TheGraphIsReadFromTheSourceProjects()
    {
        // Guards the rules against passing on an empty or misread graph.
        Assert.Contains("Matcher.Core", ProjectGraph.References.Keys);
        Assert.Contains("Matcher.Core", ProjectGraph.References["Matcher.Fingerprint"]);
        Assert.Contains("Matcher.Server", ProjectGraph.References.Keys);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void NoProjectBreaksTheRule(string rule) => AssertKept(Rules[rule]);

    [Fact]
    public void NoReferenceCycle()
    {
        var cycle = ReferenceCycles.FindOne(ProjectGraph.References);
        Assert.True(cycle is null, $"The project references form a cycle: {string.Join(" -> ", cycle ?? [])}.");
    }

    [Fact]
    public void TheCycleSearchFindsACycleAndOnlyACycle()
    {
        var diamond = Graph(("A", ["B", "C"]), ("B", ["D"]), ("C", ["D"]), ("D", []));
        var loop = Graph(("A", ["B"]), ("B", ["C"]), ("C", ["A"]));

        Assert.Null(ReferenceCycles.FindOne(diamond));
        Assert.Equal(["A", "B", "C", "A"], ReferenceCycles.FindOne(loop));
    }

    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string Project, string[] References)[] edges) =>
        edges.ToDictionary(e => e.Project, e => (IReadOnlySet<string>)e.References.ToHashSet(), StringComparer.Ordinal);

    private static void AssertKept(ReferenceRule rule)
    {
        var violations = rule.Violations(ProjectGraph.References).ToList();
        Assert.True(violations.Count == 0, $"Rule \"{rule.Why}\" is broken by {string.Join(", ", violations)}.");
    }
}
