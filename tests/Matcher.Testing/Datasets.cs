using System.Reflection;
using Xunit;

namespace Matcher.Testing;

/// <summary>
/// Locates the shared, read-only test datasets. Tests that need them skip with a clear message when they are absent
/// (a developer checkout without <c>../shared</c>); CI always has them.
/// </summary>
public static class Datasets
{
    /// <summary>Environment variable that overrides the default location <c>../shared/datasets</c> beside the checkout.</summary>
    public const string PathVariable = "MATCHER_DATASETS";

    // Initialised first: static initialisers run in declaration order and LocateRoot reads it.
    public static string RepositoryRoot { get; } = LocateRepositoryRoot();

    public static string Root { get; } = LocateRoot();

    /// <summary>Full path of a folder or file under the datasets root, or a skip of the calling test when it is absent.</summary>
    public static string Require(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Assert.Skip($"Dataset '{relativePath}' not found under '{Root}'. Set {PathVariable} to the shared datasets folder.");
        }
        return path;
    }

    private static string LocateRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }
        return Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "datasets"));
    }

    /// <summary>
    /// The checkout the tests were built from: searched upwards from the test binaries (the usual bin/ layout), else
    /// the folder recorded at build time (builds with --artifacts-path put the binaries outside the checkout).
    /// </summary>
    private static string LocateRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Matcher.sln")))
            {
                return directory.FullName;
            }
        }
        var recorded = typeof(Datasets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return recorded is not null && File.Exists(Path.Combine(recorded, "Matcher.sln"))
            ? Path.GetFullPath(recorded)
            : Directory.GetCurrentDirectory();
    }
}
