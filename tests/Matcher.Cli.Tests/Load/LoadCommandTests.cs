using System.Text.Json;
using Matcher.Cli.Tests.Service;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Load;

/// <summary>
/// Needs a real server: `matcher load` end to end, a couple of seconds at a low rate in each model, with its JSON and
/// HTML reports; and the command lines it refuses before calling anything.
/// </summary>
public sealed class LoadCommandTests(LoopbackService service) : IClassFixture<LoopbackService>, IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_open_model_run_finds_every_planted_mate_and_writes_both_reports()
    {
        var json = Path.Combine(_files.Path, "load.json");
        var html = Path.Combine(_files.Path, "load.html");
        // At the default FPIR of 1 % one of the few new applicants is now and then flagged, which counts as a miss and
        // would mark the step past the knee; at 1e-5 every answer is decided by the planted mates alone.
        await using var strict = await LoopbackService.StartAsync("--Matcher:TargetFalsePositiveIdentificationRate", "0.00001");

        var result = Service.Cli.Run("load", "--subjects", "20", "--gallery", "open", "--rate", "5", "--duration", "2", "--fingers", "2",
            "--json-out", json, "--html-out", html, "--server", strict.Address);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("p99 ms", result.Output);
        Assert.Contains("knee: not reached", result.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("matcher.load/v1", report.RootElement.GetProperty("schema").GetString());
        Assert.Equal(20, report.RootElement.GetProperty("preload").GetProperty("imported").GetInt64());
        var step = Assert.Single(report.RootElement.GetProperty("steps").EnumerateArray());
        Assert.Equal(10, step.GetProperty("sent").GetInt64());
        Assert.Equal(10, step.GetProperty("completed").GetInt64());
        var rpcs = step.GetProperty("rpcs").EnumerateArray().ToList();
        Assert.True(rpcs.Sum(r => r.GetProperty("ok").GetInt64()) == 10,
            "every call must succeed: " + string.Join("; ", rpcs.Select(r => $"{r.GetProperty("rpc")}: {r.GetProperty("codes")} {r.GetProperty("outcomes")}")));
        Assert.Equal(10, rpcs.Sum(r => r.GetProperty("mates").GetProperty("found").GetInt64() + r.GetProperty("mates").GetProperty("new_enrolled").GetInt64()));
        Assert.All(rpcs, r => Assert.Equal(0, r.GetProperty("mates").GetProperty("new_flagged").GetInt64()));
        Assert.All(rpcs, r => Assert.Equal(0, r.GetProperty("mates").GetProperty("missed").GetInt64()));
        var page = File.ReadAllText(html);
        var images = page.Split("data:image/png;base64,").Skip(1).Select(part => Convert.FromBase64String(part[..part.IndexOf('"')])).ToList();
        Assert.Equal(3, images.Count);
        Assert.All(images, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]));
    }

    [Fact]
    public void A_closed_model_run_keeps_its_stations_busy_for_the_duration()
    {
        var result = Service.Cli.Run("load", "--subjects", "10", "--gallery", "closed", "--concurrency", "2", "--duration", "2", "--fingers", "1",
            "--no-face", "--verify", "0", "--json", "--server", service.Address);

        Assert.True(result.ExitCode == 0, result.Error);
        using var report = JsonDocument.Parse(result.Output);
        Assert.Equal("closed", report.RootElement.GetProperty("model").GetString());
        var step = Assert.Single(report.RootElement.GetProperty("steps").EnumerateArray());
        Assert.Equal(2, step.GetProperty("target").GetDouble());
        Assert.InRange(step.GetProperty("completed").GetInt64(), 2, 10_000);
        Assert.Equal(step.GetProperty("sent").GetInt64(), step.GetProperty("completed").GetInt64());
    }

    [Fact]
    public void Real_fingers_are_planted_as_images_and_probed_with_their_other_impressions()
    {
        var folder = Datasets.Require(Path.Combine("fingerprints", "fvc2002", "DB1_B"));

        // Every planted probe a real finger image: identify and verify only, ten fingers enrolled from their first impression.
        var result = Service.Cli.Run("load", "--subjects", "5", "--gallery", "real", "--real-fingers", folder, "--real-share", "1",
            "--enroll", "0", "--rate", "4", "--duration", "3", "--json", "--server", service.Address);

        Assert.True(result.ExitCode == 0, result.Error);
        using var report = JsonDocument.Parse(result.Output);
        Assert.Equal(10, report.RootElement.GetProperty("real_fingers").GetInt32());
        Assert.Equal(15, report.RootElement.GetProperty("preload").GetProperty("imported").GetInt64());
        var rpcs = Assert.Single(report.RootElement.GetProperty("steps").EnumerateArray()).GetProperty("rpcs").EnumerateArray().ToList();
        Assert.Equal(12, rpcs.Sum(r => r.GetProperty("ok").GetInt64()));
        var mates = rpcs.Select(r => r.GetProperty("mates")).ToList();
        Assert.Equal(12, mates.Sum(m => m.GetProperty("found").GetInt64() + m.GetProperty("missed").GetInt64()));
        // One real FVC2002 DB1_B finger against 15 subjects: most impressions reach the threshold, not necessarily all.
        Assert.InRange(mates.Sum(m => m.GetProperty("found").GetInt64()), 8, 12);
        Assert.All(mates.SelectMany(m => m.GetProperty("missed_subjects").EnumerateArray()),
            id => Assert.StartsWith("real-DB1_B-", id.GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Give either --rate R (open model) or --concurrency C (closed model).", "--subjects", "5")]
    [InlineData("Give either --rate R (open model) or --concurrency C (closed model).", "--subjects", "5", "--rate", "1", "--concurrency", "1")]
    [InlineData("Give --subjects N", "--rate", "1")]
    [InlineData("--duration must be a positive number, not '0'.", "--subjects", "5", "--rate", "1", "--duration", "0")]
    [InlineData("--fingers must be from 0 to 10, not 11.", "--subjects", "5", "--rate", "1", "--fingers", "11")]
    [InlineData("A probe holds 0 to 10 fingers, and at least one finger or the face.", "--subjects", "5", "--rate", "1", "--fingers", "0", "--no-face")]
    [InlineData("--real-fingers: folder", "--subjects", "5", "--rate", "1", "--real-fingers", "/nonexistent-folder-of-fingers")]
    [InlineData("--metrics must be an http address", "--subjects", "5", "--rate", "1", "--metrics", "localhost:9464")]
    public void Refuses_a_plan_it_cannot_run_before_calling_the_service(string message, params string[] args)
    {
        // Nothing listens on this port: had the command called it, it would have failed with exit code 1.
        var result = Service.Cli.Run(["load", .. args, "--server", $"http://127.0.0.1:{LoopbackPorts.Free()}"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
