using System.Text.Json;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Load.Planting;
using Matcher.Load.Prometheus;
using Matcher.Load.Traffic;
using Xunit;

namespace Matcher.Load.Tests;

/// <summary>
/// The load tool against the real service over loopback, a few seconds at a low rate each: its report's counts equal
/// the service's own metrics, a planted mate that is gone is counted as missed, the endpoint serves text the strict
/// reader accepts, and no label ever carries a subject id, request id or job label sent by a caller.
/// </summary>
public sealed class LoadAgainstServerTests(MetricsServerProcess server) : IClassFixture<MetricsServerProcess>
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task The_reports_counts_per_rpc_and_outcome_equal_the_servers_metrics()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var plan = Plan("counts", subjects: 40, rate: 6, seconds: 3);
        var gallery = await GalleryAsync(plan);
        await gallery.ImportAsync(server.Matcher, Bound, null, cancellation);
        var scraper = new MetricsScraper(_http, server.MetricsUrl);
        var before = await scraper.ScrapeAsync(cancellation);

        var report = await LoadSession.RunAsync(plan, server.Matcher, server.Address, preload: false, scraper, TimeProvider.System, null, cancellation)
            .WaitAsync(Bound, cancellation);
        var after = await scraper.ScrapeAsync(cancellation);

        using var json = JsonDocument.Parse(ReportJson.Write(report));
        Assert.Equal(LoadReport.SchemaName, json.RootElement.GetProperty("schema").GetString());
        var step = Assert.Single(json.RootElement.GetProperty("steps").EnumerateArray());
        Assert.Equal(18, step.GetProperty("sent").GetInt64());
        Assert.Equal(18, step.GetProperty("completed").GetInt64());
        var clientCounts = step.GetProperty("rpcs").EnumerateArray().ToDictionary(
            r => r.GetProperty("rpc").GetString()!,
            r => r.GetProperty("outcomes").EnumerateObject().ToDictionary(o => o.Name, o => o.Value.GetInt64()));
        var serverCounts = RequestDelta(before, after);
        // The one call the tool makes besides the load: it asks the service's face model before it starts.
        Assert.Equal(1, Assert.Single(serverCounts["Matcher/GetStats"]).Value);
        serverCounts.Remove("Matcher/GetStats");
        Assert.Equal(clientCounts.Keys.Order(), serverCounts.Keys.Order());
        foreach (var (rpc, outcomes) in clientCounts)
        {
            Assert.Equal(outcomes.OrderBy(o => o.Key), serverCounts[rpc].OrderBy(o => o.Key));
        }
        Assert.Equal(18, clientCounts.Values.Sum(o => o.Values.Sum()));
        Assert.Equal(clientCounts.Keys.Order(), report.ServerSide!.Requests.Keys.Order());
        foreach (var (rpc, outcomes) in clientCounts)
        {
            Assert.Equal(outcomes.OrderBy(o => o.Key), report.ServerSide.Requests[rpc].OrderBy(o => o.Key));
        }
        foreach (var rpc in report.Steps[0].Rpcs)
        {
            Assert.True(rpc.Requests == rpc.Ok,
                $"{rpc.Rpc}: {rpc.Ok} of {rpc.Requests} calls succeeded; codes {string.Join(", ", rpc.Codes.Select(c => $"{c.Key}={c.Value}"))}");
            Assert.Equal(0, rpc.Mates.Missed);
            Assert.Equal(0, rpc.Mates.NewFlagged);
            Assert.Equal(rpc.Requests, rpc.Mates.Found + rpc.Mates.NewEnrolled);
            Assert.True(rpc.Mates.Found == 0 || rpc.Mates.FoundMargin!.Min > 0, $"{rpc.Rpc}: found mates score above the threshold");
        }
        foreach (var (rpc, outcomes) in clientCounts)
        {
            foreach (var (outcome, count) in outcomes)
            {
                Assert.Equal(count, Assert.Single(report.ServerSide.Stages, s => s.Name == $"rpc {rpc} {outcome}").Count);
            }
        }
        Assert.Contains(report.ServerSide.Stages, s => s.Name.StartsWith("enrollment search", StringComparison.Ordinal) && s.Count > 0 && s.MeanMs > 0);
    }

    [Fact]
    public async Task A_planted_mate_that_was_deleted_is_counted_as_missed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var plan = Plan("missing", subjects: 12, rate: 8, seconds: 2) with { EnrollWeight = 0, VerifyWeight = 0 };
        var gallery = await GalleryAsync(plan);
        await gallery.ImportAsync(server.Matcher, Bound, null, cancellation);
        const int Deleted = 6;
        for (var i = 0; i < Deleted; i++)
        {
            await server.Matcher.DeleteAsync(new DeleteRequest { SubjectId = PlantedGallery.SubjectIdOf(i), Gallery = plan.Gallery },
                deadline: DateTime.UtcNow + Bound, cancellationToken: cancellation);
        }

        // The runner itself: the session would refuse a gallery holding fewer subjects than were planted.
        var traffic = new LoadTraffic(plan, gallery, server.Matcher, "missing");
        var (steps, _, _) = await new Running.LoadRunner(plan, traffic, TimeProvider.System).RunAsync(null, null, cancellation).WaitAsync(Bound, cancellation);

        var targets = Enumerable.Range(0, 16).Select(n => traffic.Draw(n).Subject).ToList();
        var identify = Assert.Single(Assert.Single(steps).Rpcs);
        Assert.Equal("Matcher/Identify", identify.Rpc);
        Assert.Equal(16, identify.Requests);
        Assert.Equal(targets.Count(t => t < Deleted), identify.Mates.Missed);
        Assert.Equal(targets.Count(t => t >= Deleted), identify.Mates.Found);
        Assert.InRange(identify.Mates.Missed, 1, 15);
        Assert.Equal(targets.Where(t => t < Deleted).Select(PlantedGallery.SubjectIdOf).Order(), identify.Mates.MissedSubjects.Order());
    }

    [Fact]
    public async Task No_metric_label_holds_a_subject_id_request_id_or_job_label()
    {
        var cancellation = TestContext.Current.CancellationToken;
        const string SubjectId = "zq7-distinctive-subject-4f1c";
        const string RequestId = "zq7-distinctive-request-82d0";
        const string JobLabel = "zq7-distinctive-job-label-13b9";
        const string JobRequest = "zq7-distinctive-job-request-6e25";
        var plan = Plan("labels", subjects: 1, rate: 1, seconds: 1);
        var gallery = await GalleryAsync(plan);
        var samples = gallery.Applicant(1, [2, 7], face: true);
        var deadline = DateTime.UtcNow + Bound;

        await server.Matcher.EnrollAsync(new EnrollRequest
        {
            SubjectId = SubjectId, Gallery = plan.Gallery, Samples = samples, DedupMode = DedupMode.InsertIfUnique, RequestId = RequestId,
        }, deadline: deadline, cancellationToken: cancellation);
        var identify = await server.Matcher.IdentifyAsync(new IdentifyRequest { Samples = samples }, deadline: deadline, cancellationToken: cancellation);
        Assert.Contains(identify.Candidates, c => c.SubjectId == SubjectId);
        await server.Matcher.VerifyAsync(new VerifyRequest { SubjectId = SubjectId, Gallery = plan.Gallery, Samples = samples },
            deadline: deadline, cancellationToken: cancellation);
        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Matcher.VerifyAsync(
            new VerifyRequest { SubjectId = SubjectId + "-absent", Gallery = plan.Gallery, Samples = samples }, deadline: deadline, cancellationToken: cancellation).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        var job = await server.Jobs.StartDedupJobAsync(new StartDedupJobRequest { Gallery = plan.Gallery, Label = JobLabel, RequestId = JobRequest },
            deadline: deadline, cancellationToken: cancellation);

        var text = await _http.GetStringAsync(server.MetricsUrl, cancellation);
        var families = ExpositionText.Parse(text);

        foreach (var secret in (string[])[SubjectId, RequestId, JobLabel, JobRequest, "zq7"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(families.Samples("matcher_rpc_requests_total"), s => s.Label("rpc") == "Matcher/Verify" && s.Label("code") == "NotFound"
            && s.Label("reason") == "subject.not_found");
        Assert.All(families.SelectMany(f => f.Samples).Where(s => s.Labels.ContainsKey("job")), s => Assert.Equal(job.JobId, s.Label("job")));
    }

    private async Task<PlantedGallery> GalleryAsync(LoadPlan plan)
    {
        var stats = await server.Matcher.GetStatsAsync(new GetStatsRequest(), deadline: DateTime.UtcNow + Bound);
        return new PlantedGallery(plan.Gallery, plan.GallerySubjects, plan.Seed, stats.FaceModelId, runTag: 1);
    }

    private static LoadPlan Plan(string gallery, long subjects, double rate, double seconds) => new()
    {
        Gallery = gallery,
        GallerySubjects = subjects,
        Seed = 3,
        Levels = [rate],
        StepDuration = TimeSpan.FromSeconds(seconds),
        FingersPerProbe = 2,
        RequestDeadline = TimeSpan.FromSeconds(60),
    };

    private static Dictionary<string, Dictionary<string, long>> RequestDelta(IReadOnlyList<PrometheusFamily> before, IReadOnlyList<PrometheusFamily> after)
    {
        var delta = new Dictionary<string, Dictionary<string, long>>();
        void Add(IReadOnlyList<PrometheusFamily> families, int sign)
        {
            foreach (var sample in families.Samples("matcher_rpc_requests_total"))
            {
                var outcomes = delta.TryGetValue(sample.Label("rpc"), out var o) ? o : delta[sample.Label("rpc")] = [];
                outcomes[sample.Label("outcome")] = outcomes.GetValueOrDefault(sample.Label("outcome")) + (sign * (long)sample.Value);
            }
        }
        Add(after, 1);
        Add(before, -1);
        return delta.Select(d => (d.Key, Outcomes: d.Value.Where(o => o.Value != 0).ToDictionary()))
            .Where(d => d.Outcomes.Count > 0)
            .ToDictionary(d => d.Key, d => d.Outcomes);
    }
}
