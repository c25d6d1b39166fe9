using System.Globalization;

namespace Matcher.Load;

/// <summary>The console table: per step and RPC the latencies, rates, errors and planted-mate checks; then the knee and the server's view.</summary>
public static class ReportText
{
    public static void Write(TextWriter output, LoadReport report)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"load on {report.Server}, gallery {report.Gallery} ({report.GallerySubjects} planted subjects, seed {report.Seed}{(report.RealFingers > 0 ? $", {report.RealFingers} real fingers" : "")}), " +
            $"{report.Model} model, mix {report.Mix}, {report.FingersPerProbe} finger(s){(report.FaceInProbe ? " + face" : "")} per probe"));
        if (report.Preload is { } preload)
        {
            output.WriteLine(string.Create(c, $"preload: {preload.Imported} imported, {preload.AlreadyPresent} already present in {preload.Seconds:0.0} s"));
        }
        output.WriteLine();
        output.WriteLine(string.Create(c,
            $"{"step",4} {"target",8} {"rpc",-17} {"requests",8} {"ok/s",7} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"p99.9 ms",9} {"max ms",8}  {"errors",-20} {"found",6} {"missed",6} {"margin min/p50",15}"));
        for (var s = 0; s < report.Steps.Count; s++)
        {
            var step = report.Steps[s];
            var seconds = Math.Max(step.ElapsedSeconds, step.DurationSeconds);
            foreach (var rpc in step.Rpcs)
            {
                var errors = string.Join(",", rpc.Codes.Where(k => k.Key != "OK").Select(k => $"{k.Key}:{k.Value}"));
                var margin = rpc.Mates.FoundMargin is { } m ? string.Create(c, $"{m.Min:0.0}/{m.P50:0.0}") : "-";
                var found = rpc.Mates.Found + rpc.Mates.NewEnrolled;
                var missed = rpc.Mates.Missed + rpc.Mates.NewFlagged;
                output.WriteLine(string.Create(c,
                    $"{s + 1,4} {step.Target,8:0.##} {rpc.Rpc,-17} {rpc.Requests,8} {rpc.Ok / seconds,7:0.##} {rpc.Latency.P50Ms,8:0.0} {rpc.Latency.P90Ms,8:0.0} " +
                    $"{rpc.Latency.P99Ms,8:0.0} {rpc.Latency.P999Ms,9:0.0} {rpc.Latency.MaxMs,8:0.0}  {(errors.Length == 0 ? "-" : errors),-20} {found,6} {missed,6} {margin,15}"));
            }
            output.WriteLine(string.Create(c,
                $"{s + 1,4} {step.Target,8:0.##} {"all",-17} {step.Completed,8} {step.AchievedRate,7:0.##} {step.Latency.P50Ms,8:0.0} {step.Latency.P90Ms,8:0.0} " +
                $"{step.Latency.P99Ms,8:0.0} {step.Latency.P999Ms,9:0.0} {step.Latency.MaxMs,8:0.0}  achieved {step.AchievedRate:0.##}") +
                (step.TargetRate is { } rate ? string.Create(c, $" of {rate:0.##} requests/s") : string.Create(c, $" requests/s with {step.Target:0} stations")));
        }
        output.WriteLine();
        output.WriteLine(report.Knee.Step is { } k
            ? string.Create(c, $"knee: step {k + 1} ({report.Knee.KneeTarget:0.##}): {report.Knee.Reason}; sustainable: {(report.Knee.SustainableTarget is { } t ? t.ToString("0.##", c) : "none of the steps")}")
            : string.Create(c, $"knee: not reached ({report.Knee.Reason}); highest level run: {report.Knee.SustainableTarget:0.##}"));
        output.WriteLine("found/missed: enroll counts duplicates reported / not (new applicants enrolled / falsely flagged); margin = mate's score - threshold");
        if (report.ServerSide is { } server)
        {
            output.WriteLine();
            output.WriteLine($"server side ({server.MetricsUrl}), during the load:");
            foreach (var (rpc, outcomes) in server.Requests)
            {
                output.WriteLine($"  {rpc}: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}" +
                    (server.Refusals.TryGetValue(rpc, out var failed) ? $" (failures: {string.Join(", ", failed.Select(f => $"{f.Key} {f.Value}"))})" : ""));
            }
            foreach (var stage in server.Stages)
            {
                output.WriteLine(string.Create(c, $"  {stage.Name}: {stage.Count} x {stage.MeanMs:0.00} ms mean"));
            }
        }
    }
}
