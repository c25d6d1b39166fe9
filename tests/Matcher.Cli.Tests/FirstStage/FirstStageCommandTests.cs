using System.Text.Json;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.FirstStage;

/// <summary>
/// `matcher eval first-stage`, `matcher calibrate first-stage` and `matcher eval impostor-tail` on the SecuGen ISO
/// templates of FVC2002 (320 templates, no extraction, so the run is short): counts exact, figures loosely.
/// </summary>
public sealed class FirstStageCommandTests
{
    private const int MatePairs = 4 * 10 * 28;
    private const int ImpostorPairs = 320 * 319 / 2 - MatePairs;

    [Fact]
    public void Eval_first_stage_reports_mate_ranks_for_one_finger_and_the_estimate_for_several()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002");

        var (exitCode, output, error) = Run("eval", "first-stage", "--dataset", folder, "--json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(320, report.GetProperty("fingers").GetInt32());
        Assert.Equal(MatePairs, report.GetProperty("mate_pairs").GetInt32());
        Assert.Equal(ImpostorPairs, report.GetProperty("impostor_pairs").GetInt32());
        var oneFinger = report.GetProperty("single_finger_hit_rate");
        Assert.InRange(oneFinger.GetProperty("0.01").GetDouble(), 0.3, 1);
        Assert.True(oneFinger.GetProperty("0.2").GetDouble() >= oneFinger.GetProperty("0.01").GetDouble());
        Assert.True(report.GetProperty("estimated_hit_rate").GetProperty("10").GetProperty("0.001").GetDouble() >= 0.99);
        Assert.Equal(4, report.GetProperty("hit_rate_at_1_percent_by_database").EnumerateObject().Count());
    }

    [Fact]
    public void Calibrate_first_stage_fits_a_score_map_measured_past_score_35()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002");

        var (exitCode, output, error) = Run("calibrate", "first-stage", "--dataset", folder, "--json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(ImpostorPairs, report.GetProperty("impostor_pairs").GetInt32());
        Assert.True(report.GetProperty("measured_up_to_score").GetDouble() > 35);
        // Fitted on four SecuGen databases, not the nine the embedded model comes from.
        Assert.False(report.GetProperty("matches_embedded").GetBoolean());
    }

    [Fact]
    public void Eval_impostor_tail_counts_impostors_near_the_calibrated_rates()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002");

        var (exitCode, output, error) = Run("eval", "impostor-tail", "--dataset", folder, "--json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(ImpostorPairs, report.GetProperty("impostor_pairs").GetInt32());
        var atThirty = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("score").GetDouble() == 30);
        // Calibrated on other templates (our extractor's): within a factor of four of 1e-3 on these.
        Assert.InRange(atThirty.GetProperty("at_or_above").GetInt32(), ImpostorPairs / 4000, ImpostorPairs * 4 / 1000);
        Assert.Equal(5, report.GetProperty("highest").GetArrayLength());
    }

    [Fact]
    public void Same_fingers_naming_an_unknown_database_is_a_usage_error_naming_the_databases()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002");

        var (exitCode, _, error) = Run("eval", "first-stage", "--dataset", folder, "--same-fingers", "fvc2002/DB1_B,fvc2002/DB9_B");

        Assert.Equal(2, exitCode);
        Assert.Contains("fvc2002/DB9_B", error);
        Assert.Contains("fvc2002/DB1_B", error);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandDispatcher.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
