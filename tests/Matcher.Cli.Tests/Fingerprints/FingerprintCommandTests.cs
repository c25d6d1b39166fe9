using System.Text.Json;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Fingerprints;

/// <summary>`matcher compare`, `matcher eval fingerprints` and `matcher calibrate fingerprints` on the shared datasets.</summary>
public sealed class FingerprintCommandTests
{
    private static readonly string[] JsonKeys =
    [
        "eer", "fnmr_at_fmr_1e2", "fnmr_at_fmr_1e3", "fnmr_at_fmr_1e4", "zero_fmr", "genuine_pairs", "impostor_pairs",
        "failed_to_extract", "extract_ms_median", "comparisons_per_second",
    ];

    [Fact]
    public void EvalOfOneIsoDatabaseReportsTheAllPairsProtocolAsJson()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002/DB1_B");

        var (exitCode, output, error) = Run("eval", "fingerprints", "--dataset", folder, "--json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        foreach (var key in JsonKeys)
        {
            Assert.True(report.TryGetProperty(key, out _), $"JSON lacks '{key}'.");
        }
        Assert.Equal(280, report.GetProperty("genuine_pairs").GetInt32());
        Assert.Equal(2880, report.GetProperty("impostor_pairs").GetInt32());
        Assert.Equal(0, report.GetProperty("failed_to_extract").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("extract_ms_median").ValueKind);
        Assert.InRange(report.GetProperty("eer").GetDouble(), 0.001, 0.05);
        Assert.True(report.GetProperty("fnmr_at_fmr_1e3").GetDouble() >= report.GetProperty("fnmr_at_fmr_1e2").GetDouble());
        Assert.True(report.GetProperty("comparisons_per_second").GetDouble() > 0);
    }

    [Fact]
    public void EvalOfAFolderOfDatabasesReportsEachAndThePool()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002");

        var (exitCode, output, error) = Run("eval", "fingerprints", "--dataset", folder, "--json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4 * 280, report.GetProperty("genuine_pairs").GetInt32());
        Assert.Equal(4 * 2880, report.GetProperty("impostor_pairs").GetInt32());
        var databases = report.GetProperty("databases");
        Assert.Equal(["DB1_B", "DB2_B", "DB3_B", "DB4_B"], databases.EnumerateObject().Select(p => p.Name));
        foreach (var database in databases.EnumerateObject())
        {
            Assert.Equal(280, database.Value.GetProperty("genuine_pairs").GetInt32());
            Assert.InRange(database.Value.GetProperty("eer").GetDouble(), 0.001, 0.08);
        }
    }

    [Fact]
    public void EvalOfImagesCountsExtractionAndUsesPerDatabaseDpi()
    {
        var folder = Datasets.Require("fingerprints/fvc2002/DB2_B");

        var (exitCode, output, error) = Run("eval", "fingerprints", "--dataset", folder, "--dpi", "500", "--dpi-override", "DB2_B=569");

        Assert.True(exitCode == 0, error);
        Assert.Contains("DB2_B: 280 genuine, 2880 impostor pairs", output, StringComparison.Ordinal);
        Assert.Contains("ms median", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalOfImagesWithoutDpiIsAUsageError()
    {
        var folder = Datasets.Require("fingerprints/fvc2002/DB3_B");

        var (exitCode, _, error) = Run("eval", "fingerprints", "--dataset", folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("--dpi", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspelledDpiOverrideIsAUsageError()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002/DB1_B");

        var (exitCode, _, error) = Run("eval", "fingerprints", "--dataset", folder, "--dpi-override", "DB9_B=569");

        Assert.Equal(2, exitCode);
        Assert.Contains("DB9_B", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareScoresTheSourceAfisTrioMatchHighAndTheNonMatchLow()
    {
        var folder = Datasets.Require("fingerprints/sourceafis-samples");

        var matching = Score(Run("compare", Path.Combine(folder, "probe.png"), Path.Combine(folder, "matching.png"), "--dpi", "500", "--json"));
        var nonMatching = Score(Run("compare", Path.Combine(folder, "probe.png"), Path.Combine(folder, "nonmatching.png"), "--dpi", "500", "--json"));

        Assert.True(matching > 40, $"matching pair scored {matching:0.0}");
        Assert.True(nonMatching < 40, $"non-matching pair scored {nonMatching:0.0}");
        Assert.True(matching - nonMatching > 40, $"matching {matching:0.0} is not far above non-matching {nonMatching:0.0}");
    }

    [Fact]
    public void CompareAcceptsTemplatesAndImagesTogether()
    {
        var image = Path.Combine(Datasets.Require("fingerprints/fvc2002/DB1_B"), "102_1.tif");
        var template = Path.Combine(Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002/DB1_B"), "102_1.iso");

        var (exitCode, output, error) = Run("compare", image, template, "--dpi", "500");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("score ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareOfAFileThatIsNeitherImageNorTemplateExplainsTheProblem()
    {
        var bogus = Path.Combine(Path.GetTempPath(), $"matcher-not-a-fingerprint-{Environment.ProcessId}.bin");
        File.WriteAllText(bogus, "hello, this is not a fingerprint");
        try
        {
            var (exitCode, _, error) = Run("compare", bogus, bogus);

            Assert.Equal(1, exitCode);
            Assert.StartsWith("template.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bogus);
        }
    }

    [Fact]
    public void CalibrateFitsKnotsTheEmbeddedCalibrationStillAgreesWith()
    {
        var folder = Datasets.Require("fingerprints/fvc2002");

        var (exitCode, output, error) = Run("calibrate", "fingerprints", "--dataset", folder, "--dpi", "500", "--dpi-override", "DB2_B=569", "--json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(38_400 + 4 * 2880, report.GetProperty("impostor_pairs").GetInt32());
        Assert.Equal(38_400, report.GetProperty("cross_database_pairs").GetInt32());
        // The knots are embedded from this very command; the extractor keeps improving, so exact equality is not
        // required, but the embedded map must still give every freshly fitted knot's score within 3 points (a factor
        // of two in FMR). A larger drift means: run the command and paste its knots.
        var calibration = Matcher.Fingerprint.Matching.FingerprintMatcher.Calibration;
        var raw = report.GetProperty("raw_knots").EnumerateArray().Select(k => k.GetDouble()).ToList();
        var scores = report.GetProperty("score_knots").EnumerateArray().Select(k => k.GetDouble()).ToList();
        for (var i = 1; i < raw.Count; i++)
        {
            Assert.True(Math.Abs(calibration.ToScore(raw[i]) - scores[i]) <= 3,
                $"At raw {raw[i]:0.000} the embedded calibration gives {calibration.ToScore(raw[i]):0.0}, a fresh fit {scores[i]:0.0}.");
        }
    }

    private static double Score((int ExitCode, string Output, string Error) result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("score").GetDouble();
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CommandDispatcher.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
