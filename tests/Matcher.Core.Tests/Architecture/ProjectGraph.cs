using System.Xml.Linq;
using Matcher.Testing;

namespace Matcher.Core.Tests.Architecture;

/// <summary>The project references of every <c>src/*/*.csproj</c> of the checkout, by project name.</summary>
internal static class ProjectGraph
{
    /// <summary>Each source project and the projects it references directly, read once per test run.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> References { get; } = Read();

    private static Dictionary<string, IReadOnlySet<string>> Read()
    {
        var source = Path.Combine(Datasets.RepositoryRoot, "src");
        return Directory.GetDirectories(source)
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .ToDictionary(file => Path.GetFileNameWithoutExtension(file), ReferencesOf, StringComparer.Ordinal);
    }

    private static IReadOnlySet<string> ReferencesOf(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(reference => (string?)reference.Attribute("Include")
                ?? throw new InvalidDataException($"{projectFile} has a ProjectReference without Include."))
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);
}
