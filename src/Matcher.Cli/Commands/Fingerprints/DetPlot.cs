using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// Detection error trade-off curves as a PNG: FNMR against FMR, both on log scales, one line per set of scores. A rate
/// of zero has no place on a log scale, so it is drawn on the axis (FMR 1e-5, FNMR 1e-4), below any rate these
/// datasets can measure; the axis labels say so.
/// </summary>
internal static class DetPlot
{
    private const int Width = 900;
    private const int Height = 700;
    private const double LowestFmrExponent = -5;
    private const double LowestFnmrExponent = -4;

    public static void Write(string path, string title, IEnumerable<(string Name, IReadOnlyCollection<double> Genuine, IReadOnlyCollection<double> Impostor)> curves)
    {
        var plot = new Plot();
        foreach (var (name, genuine, impostor) in curves)
        {
            var points = ErrorRates.Curve(genuine, impostor);
            var line = plot.Add.ScatterLine(
                points.Select(p => Math.Max(LowestFmrExponent, Math.Log10(p.Fmr))).ToArray(),
                points.Select(p => Math.Max(LowestFnmrExponent, Math.Log10(p.Fnmr))).ToArray());
            line.LegendText = name;
            line.LineWidth = 2;
        }
        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Axes.SetLimits(LowestFmrExponent, 0, LowestFnmrExponent, 0);
        plot.Title(title);
        plot.XLabel("false match rate (FMR; 0 drawn at 1e-5)");
        plot.YLabel("false non-match rate (FNMR; 0 drawn at 1e-4)");
        plot.ShowLegend(Alignment.UpperRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, Width, Height);
    }

    private static NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent => Math.Pow(10, exponent).ToString("0.#####", CultureInfo.InvariantCulture),
    };
}
