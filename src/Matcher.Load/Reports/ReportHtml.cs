using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;

namespace Matcher.Load;

/// <summary>
/// One self-contained HTML file (plots as PNG data: URIs, no script): latency over time for every call (by its
/// intended start), the latency percentile curve per RPC and step, throughput per second, and the console table.
/// Holds counts, times and synthetic subject ids only: never a template or embedding.
/// </summary>
public static class ReportHtml
{
    private const int Width = 1000;
    private const int Height = 420;

    /// <summary>Percentiles past 99.99 % are drawn at 99.99 %: the x axis is -log10(1 - p).</summary>
    private const double LastDrawnPercentile = 99.99;

    public static string Write(LoadReport report)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        ReportText.Write(text, report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Matcher load report</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}pre{font-size:12px;background:#f6f6f6;padding:1em;overflow:auto}img{max-width:100%}</style></head><body>")
            .Append("<h1>Matcher load report</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>{Escape(report.StartedAt.ToString("u", CultureInfo.InvariantCulture))}, {Escape(report.Server)}</p>")
            .Append("<h2>Latency over time</h2>").Append(Image(LatencyOverTime(report)))
            .Append("<h2>Latency percentiles</h2>").Append(Image(Percentiles(report)))
            .Append("<h2>Throughput</h2>").Append(Image(Throughput(report)))
            .Append("<h2>Figures</h2><pre>").Append(Escape(text.ToString())).Append("</pre></body></html>");
        return html.ToString();
    }

    private static string Image(Plot plot)
    {
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return $"<p><img alt=\"plot\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"></p>";
    }

    private static Plot LatencyOverTime(LoadReport report)
    {
        var plot = new Plot();
        foreach (var group in report.Steps.SelectMany(s => s.Points).GroupBy(p => p.Rpc).OrderBy(g => g.Key))
        {
            var points = group.ToArray();
            var scatter = plot.Add.Scatter(points.Select(p => p.AtSeconds).ToArray(), points.Select(p => p.LatencyMs).ToArray());
            scatter.LineWidth = 0;
            scatter.MarkerSize = 3;
            scatter.LegendText = group.Key.ToString();
        }
        plot.XLabel("intended send time (s since the first step)");
        plot.YLabel("latency (ms)");
        plot.ShowLegend();
        return plot;
    }

    private static Plot Percentiles(LoadReport report)
    {
        var plot = new Plot();
        for (var s = 0; s < report.Steps.Count; s++)
        {
            foreach (var rpc in report.Steps[s].Rpcs.Where(r => r.Percentiles.Count > 0))
            {
                var xs = rpc.Percentiles.Select(p => Nines(p.Percentile)).ToArray();
                var line = plot.Add.Scatter(xs, rpc.Percentiles.Select(p => p.LatencyMs).ToArray());
                line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{rpc.Rpc} @ {report.Steps[s].Target:0.##}");
            }
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (percentile, label) in new[] { (0.0, "0%"), (50.0, "50%"), (90.0, "90%"), (99.0, "99%"), (99.9, "99.9%"), (99.99, "99.99%") })
        {
            ticks.AddMajor(Nines(percentile), label);
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.XLabel("percentile");
        plot.YLabel("latency (ms)");
        plot.ShowLegend();
        return plot;
    }

    private static Plot Throughput(LoadReport report)
    {
        var plot = new Plot();
        var offset = 0.0;
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var step in report.Steps)
        {
            xs.AddRange(step.ThroughputPerSecond.Select(p => offset + p.Second));
            ys.AddRange(step.ThroughputPerSecond.Select(p => (double)p.Completed));
            offset += Math.Ceiling(Math.Max(step.ElapsedSeconds, step.DurationSeconds));
        }
        if (xs.Count > 0)
        {
            plot.Add.Scatter(xs.ToArray(), ys.ToArray()).LegendText = "answers per second";
        }
        plot.XLabel("s since the first step");
        plot.YLabel("answers per second");
        return plot;
    }

    private static double Nines(double percentile) => -Math.Log10(1 - (Math.Min(percentile, LastDrawnPercentile) / 100));

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
