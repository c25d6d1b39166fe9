using System.Text.Json;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Faces;

/// <summary>The face commands end to end on real images; skipped when the models have not been fetched.</summary>
public sealed class FaceCommandTests : IDisposable
{
    private readonly string _pairs = Path.GetTempFileName();

    public FaceCommandTests()
    {
        var models = Path.Combine(Datasets.RepositoryRoot, "models");
        if (!File.Exists(Path.Combine(models, "fr_feature.onnx")))
        {
            Assert.Skip($"Face models not found in '{models}'. Run ./scripts/fetch-models.sh from the repository root.");
        }
        // Test binaries may live outside the checkout (--artifacts-path), where the default lookup cannot find models/.
        Environment.SetEnvironmentVariable("MATCHER_MODELS", models);
    }

    public void Dispose() => File.Delete(_pairs);

    [Fact]
    public void EvalPrintsEveryFigureAsJson()
    {
        var root = Datasets.Require("faces/lfw");
        var lines = File.ReadAllLines(Path.Combine(root, "pairsDevTest.csv"));
        // 20 same and 20 different pairs, in two folds.
        File.WriteAllLines(_pairs, [lines[0] + ",fold", .. lines.Skip(1).Where((_, i) => i % 25 == 0).Select((l, i) => $"{l},{i % 2}")]);

        var (exitCode, output, error) = Run("eval", "faces", "--root", root, "--pairs", _pairs, "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var figures = json.RootElement;
        foreach (var key in new[] { "accuracy", "accuracy_std", "tar_at_far_1e2", "tar_at_far_1e3", "eer", "threshold", "failed_to_detect", "pairs" })
        {
            Assert.True(figures.TryGetProperty(key, out _), $"missing key {key}");
        }
        Assert.Equal(40, figures.GetProperty("pairs").GetInt32());
        Assert.Equal(0, figures.GetProperty("failed_to_detect").GetInt32());
        Assert.InRange(figures.GetProperty("accuracy").GetDouble(), 0.9, 1);
    }

    [Fact]
    public void EmbedShowsTheEmbeddingOnlyInJson()
    {
        var image = Path.Combine(Datasets.Require("faces/orl-att"), "s1", "1.pgm");

        var (textExit, text, _) = Run("embed", image);
        var (jsonExit, json, _) = Run("embed", image, "--json");

        Assert.Equal(0, textExit);
        Assert.Contains("faceplugin-fr_feature-0.0.1@", text);
        Assert.Contains("liveness", text);
        Assert.DoesNotContain("embedding\"", text);
        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(512, document.RootElement.GetProperty("embedding").GetArrayLength());
        Assert.Equal(1, document.RootElement.GetProperty("face_count").GetInt32());
    }

    [Fact]
    public void EmbedOfAFacelessImageGivesTheReasonCode()
    {
        var fingerprint = Path.Combine(Datasets.Require("fingerprints/sourceafis-samples"), "probe.png");

        var (exitCode, _, error) = Run("embed", fingerprint);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("face.none_detected:", error);
    }

    [Fact]
    public void CalibrateUsesEveryDifferentPersonPair()
    {
        var root = Datasets.Require("faces/orl-att");

        var (exitCode, output, error) = Run("calibrate", "faces", "--roots", root);

        Assert.True(exitCode == 0, error);
        // 400 images of 40 people: 400 * 390 / 2 pairs of different people.
        Assert.Contains("impostor pairs    78000", output);
        Assert.Contains("raw knots", output);
    }

    [Fact]
    public void EvalNeedsExactlyOnePairSource()
    {
        var (exitCode, _, error) = Run("eval", "faces", "--root", "/nonexistent");

        Assert.Equal(2, exitCode);
        Assert.Contains("--pairs", error);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CommandDispatcher.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
