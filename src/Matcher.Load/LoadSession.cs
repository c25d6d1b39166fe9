using System.Diagnostics;
using Matcher.Contracts.V1;
using Matcher.Load.Planting;
using Matcher.Load.Prometheus;
using Matcher.Load.Running;
using Matcher.Load.Traffic;

namespace Matcher.Load;

/// <summary>
/// One load test from start to end: checks that the gallery holds the planted subjects (importing them when asked),
/// runs the plan's steps against the service, reads the service's metrics, and returns the report.
/// </summary>
public static class LoadSession
{
    public static async Task<LoadReport> RunAsync(LoadPlan plan, Contracts.V1.Matcher.MatcherClient client, string serverAddress,
        bool preload, MetricsScraper? scraper, TimeProvider clock, IProgress<string>? progress, CancellationToken cancellation, RealMates? real = null)
    {
        var problems = plan.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(plan));
        }
        var startedAt = clock.GetUtcNow();
        var stats = await client.GetStatsAsync(new GetStatsRequest(), deadline: DateTime.UtcNow + plan.RequestDeadline, cancellationToken: cancellation);
        var runTag = startedAt.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var gallery = new PlantedGallery(plan.Gallery, plan.GallerySubjects, plan.Seed, stats.FaceModelId, (ulong)startedAt.UtcTicks, real);

        PreloadReport? preloaded = null;
        if (preload)
        {
            progress?.Report($"importing {gallery.PlantedCount} planted subject(s) into gallery {plan.Gallery}");
            var watch = Stopwatch.StartNew();
            var counts = await gallery.ImportAsync(client, TimeSpan.FromMinutes(10),
                new Progress<long>(done => progress?.Report($"imported {done} / {plan.GallerySubjects}")), cancellation);
            preloaded = new PreloadReport(counts.Imported, counts.AlreadyPresent, watch.Elapsed.TotalSeconds);
        }
        else
        {
            var held = stats.Galleries.FirstOrDefault(g => g.Gallery == plan.Gallery)?.Subjects ?? 0;
            if ((long)held < gallery.PlantedCount)
            {
                throw new InvalidOperationException($"Gallery '{plan.Gallery}' holds {held} subject(s), fewer than the {gallery.PlantedCount} planted ones " +
                    "the load expects; import them first (without --no-preload, or matcher population import of the same seed).");
            }
        }

        var traffic = new LoadTraffic(plan, gallery, client, runTag);
        var (steps, knee, server) = await new LoadRunner(plan, traffic, clock).RunAsync(scraper, progress, cancellation);
        return new LoadReport(LoadReport.SchemaName, serverAddress, plan.Gallery, plan.GallerySubjects, real?.Count ?? 0, plan.Seed,
            plan.Model == ArrivalModel.Open ? "open" : "closed",
            $"enroll {plan.EnrollWeight:0.###} : identify {plan.IdentifyWeight:0.###} : verify {plan.VerifyWeight:0.###}",
            plan.FingersPerProbe, plan.FaceInProbe && gallery.HasFaces, plan.P99Limit.TotalMilliseconds, startedAt, preloaded, steps, knee, server);
    }
}
