using Matcher.Population.Files;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Population;

/// <summary>`matcher population generate` and `matcher population validate`.</summary>
public sealed class PopulationCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-population-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void GenerateWritesAFileOfTheSubjectsAskedFor()
    {
        var file = Path.Combine(_folder, "p.mpop");

        var (exitCode, output, _) = Run("population", "generate", "--subjects", "25", "--seed", "9", "-o", file, "--face-model-id", "test-model@1");

        Assert.Equal(0, exitCode);
        Assert.Contains("wrote 25 subjects (seed 9, face model test-model@1)", output, StringComparison.Ordinal);
        Assert.Contains("subjects/s on", output, StringComparison.Ordinal);
        using var reader = PopulationReader.Open(File.OpenRead(file));
        Assert.Equal(new PopulationHeader(9, 25, "test-model@1", 512), reader.Header);
        var subjects = reader.ReadAll().ToList();
        Assert.Equal(25, subjects.Count);
        Assert.All(subjects, s => Assert.Equal(Enumerable.Range(1, 10), s.Fingers.Select(f => f.Position)));
    }

    [Fact]
    public void TheSameSeedWritesTheSameBytes()
    {
        var first = Path.Combine(_folder, "a.mpop");
        var second = Path.Combine(_folder, "b.mpop");

        Run("population", "generate", "--subjects", "30", "--seed", "4", "-o", first, "--threads", "1");
        Run("population", "generate", "--subjects", "30", "--seed", "4", "-o", second, "--threads", "2");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Theory]
    [InlineData("--subjects", "-1", "--seed", "1")]
    [InlineData("--subjects", "10", "--seed", "minus")]
    [InlineData("--subjects", "10")]
    public void MistakesInTheCommandLineAreRefused(params string[] options)
    {
        var (exitCode, _, error) = Run(["population", "generate", .. options, "-o", Path.Combine(_folder, "x.mpop")]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: matcher population generate", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.mpop")));
    }

    [Fact]
    public void ValidatePrintsTheTailsOfEveryComparison()
    {
        if (!File.Exists(Path.Combine(Datasets.RepositoryRoot, "models", "fr_feature.onnx")))
        {
            Assert.Skip("Face models not found; run ./scripts/fetch-models.sh from the repository root.");
        }
        // One fingerprint database and the small ORL set, linked into a datasets folder of their own, keep it short.
        var root = Path.Combine(_folder, "datasets");
        Directory.CreateDirectory(Path.Combine(root, "fingerprints", "fvc2002"));
        Directory.CreateDirectory(Path.Combine(root, "faces"));
        Directory.CreateSymbolicLink(Path.Combine(root, "fingerprints", "fvc2002", "DB1_B"), Datasets.Require("fingerprints/fvc2002/DB1_B"));
        Directory.CreateSymbolicLink(Path.Combine(root, "faces", "orl-att"), Datasets.Require("faces/orl-att"));

        var (exitCode, output, error) = Run("population", "validate", "--datasets", root, "--subjects", "8", "--faces", "300");

        Assert.True(exitCode == 0, error);
        foreach (var block in new[] { "fingerprint impostors", "face impostors", "face (real basis) impostors" })
        {
            Assert.Contains(block, output, StringComparison.Ordinal);
        }
        Assert.Contains("synthetic vs synthetic", output, StringComparison.Ordinal);
        Assert.Contains("real vs synthetic", output, StringComparison.Ordinal);
        Assert.Contains("real fingers: 80 FVC impressions", output, StringComparison.Ordinal);
        Assert.Contains("a million-subject gallery at FPIR 1 % needs a per-finger score of about 80", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CommandDispatcher.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
