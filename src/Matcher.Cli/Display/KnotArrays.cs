using System.Globalization;

namespace Matcher.Cli.Display;

/// <summary>Calibration knots printed as a C# array literal, four per line, round-trip exact, to paste into the embedded model.</summary>
internal static class KnotArrays
{
    public static string Format(string name, IReadOnlyList<double> knots) =>
        $"{name} =\n[\n" + string.Join(",\n", knots.Chunk(4).Select(row =>
            "    " + string.Join(", ", row.Select(k => k.ToString("R", CultureInfo.InvariantCulture))))) + "\n];";
}
