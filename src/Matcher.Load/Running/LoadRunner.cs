using Matcher.Load.Prometheus;
using Matcher.Load.Traffic;

namespace Matcher.Load.Running;

/// <summary>
/// Runs a plan's steps one after the other against a target, each with its own recorder, and finds the knee: the
/// first step whose p99 over every RPC passes the plan's limit or (open model) whose achieved rate falls short of
/// its target. Scrapes the service's metrics before the first step and after the last, when asked.
/// </summary>
public sealed class LoadRunner(LoadPlan plan, ILoadTarget target, TimeProvider clock)
{
    public async Task<(IReadOnlyList<StepReport> Steps, KneeReport Knee, ServerView? Server)> RunAsync(
        MetricsScraper? scraper, IProgress<string>? progress, CancellationToken cancellation)
    {
        var before = scraper is null ? null : await scraper.ScrapeAsync(cancellation);
        var runStart = clock.GetTimestamp();
        var steps = new List<StepReport>();
        KneeReport? knee = null;
        long number = 0;
        for (var s = 0; s < plan.Levels.Count && number < plan.MaxRequests && !cancellation.IsCancellationRequested; s++)
        {
            var level = plan.Levels[s];
            progress?.Report(plan.Model == ArrivalModel.Open
                ? $"step {s + 1}/{plan.Levels.Count}: {level:0.###} requests/s for {plan.StepDuration.TotalSeconds:0.#} s"
                : $"step {s + 1}/{plan.Levels.Count}: {level:0} stations for {plan.StepDuration.TotalSeconds:0.#} s");
            var recorder = new StepRecorder(clock, runStart, clock.GetTimestamp());
            var left = plan.MaxRequests - number;
            var sent = plan.Model == ArrivalModel.Open
                ? await ArrivalModels.RunOpenAsync(target, level, plan.StepDuration, number, left, plan.MaxInFlight, recorder, clock, cancellation)
                : await ArrivalModels.RunClosedAsync(target, (int)level, plan.StepDuration, number, left, recorder, clock, cancellation);
            number += sent;
            var report = recorder.Report(plan.Model, level, plan.StepDuration, sent);
            steps.Add(report);
            if (knee is null && PastLimit(report) is { } reason)
            {
                knee = new KneeReport(s, level, s > 0 ? plan.Levels[s - 1] : null, reason);
                if (plan.StopAtKnee)
                {
                    break;
                }
            }
        }
        knee ??= new KneeReport(null, null, steps.Count > 0 ? steps[^1].Target : null,
            $"no step passed p99 {plan.P99Limit.TotalMilliseconds:0} ms" + (plan.Model == ArrivalModel.Open ? $" or fell below {plan.MinAchievedShare:P0} of its rate" : ""));
        var server = scraper is null ? null : ServerView.Between(scraper.Url, before!, await scraper.ScrapeAsync(cancellation));
        return (steps, knee, server);
    }

    private string? PastLimit(StepReport step)
    {
        if (step.Latency.P99Ms > plan.P99Limit.TotalMilliseconds)
        {
            return $"p99 {step.Latency.P99Ms:0.#} ms > {plan.P99Limit.TotalMilliseconds:0} ms";
        }
        if (step.TargetRate is { } rate && step.AchievedRate < plan.MinAchievedShare * rate)
        {
            return $"achieved {step.AchievedRate:0.##} requests/s < {plan.MinAchievedShare:P0} of {rate:0.##}";
        }
        return null;
    }
}
