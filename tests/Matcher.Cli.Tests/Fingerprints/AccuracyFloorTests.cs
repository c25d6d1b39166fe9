using System.Globalization;
using System.Text.Json;
using Matcher.Testing;
using Matcher.Cli.Tests.Service;
using Xunit;
using static Matcher.Cli.Tests.Service.Cli;

namespace Matcher.Cli.Tests.Fingerprints;

/// <summary>
/// EER floors of every FVC database and CrossMatch, clean and perturbed (every kind, seed 1), from the figures measured for the
/// README: a clean floor is the measured EER plus one point, a perturbed floor the measured EER plus 2.5 points, so a
/// change that moves single pairs passes and an engine that gets clearly worse on any one database fails. (The
/// CrossMatch clean DET points are asserted by <see cref="MultiFingerEvalTests"/> too.)
/// </summary>
public sealed class AccuracyFloorTests
{
    private const double CleanMargin = 0.01;
    private const double PerturbedMargin = 0.025;

    /// <summary>Dataset folder, dpi overrides, then "database clean-EER perturbed-EER" per database (percent).</summary>
    public static TheoryData<string, string[], string[]> Measured() => new()
    {
        { "fvc2002", ["--dpi-override", "DB2_B=569"], ["DB1_B 1.01 16.49", "DB2_B 2.50 18.57", "DB3_B 5.36 32.22", "DB4_B 2.47 27.47"] },
        { "fvc2000", [], ["DB1_B 4.34 26.43", "DB2_B 2.86 31.57", "DB3_B 8.21 20.76", "DB4_B 4.83 30.59"] },
        { "neurotech-crossmatch", [], ["neurotech-crossmatch 0.42 3.83"] },
    };

    [Theory]
    [MemberData(nameof(Measured))]
    public void EveryDatabaseStaysWithinItsCleanAndPerturbedFloor(string dataset, string[] overrides, string[] measured)
    {
        var folder = Datasets.Require($"fingerprints/{dataset}");
        string[] common = ["eval", "fingerprints", "--dataset", folder, "--dpi", "500", .. overrides, "--json"];

        var clean = EerByDatabase(Run(common), dataset);
        var perturbed = EerByDatabase(Run([.. common, "--perturb", "all", "--seed", "1"]), dataset);

        foreach (var line in measured)
        {
            var parts = line.Split(' ');
            var (database, cleanEer, perturbedEer) = (parts[0], Percent(parts[1]), Percent(parts[2]));
            Assert.True(clean[database] <= cleanEer + CleanMargin,
                $"{dataset} {database}: clean EER {clean[database]:P2} above its floor {cleanEer + CleanMargin:P2}");
            Assert.True(perturbed[database] <= perturbedEer + PerturbedMargin,
                $"{dataset} {database}: perturbed EER {perturbed[database]:P2} above its floor {perturbedEer + PerturbedMargin:P2}");
            Assert.True(perturbed[database] > clean[database], $"{dataset} {database}: perturbed is no harder than clean");
        }
    }

    private static double Percent(string text) => double.Parse(text, CultureInfo.InvariantCulture) / 100;

    /// <summary>Each database's EER; a dataset of one database (a folder of files) is reported under the folder's name.</summary>
    private static Dictionary<string, double> EerByDatabase(CliResult result, string dataset)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement;
        return report.TryGetProperty("databases", out var databases)
            ? databases.EnumerateObject().ToDictionary(d => d.Name, d => d.Value.GetProperty("eer").GetDouble())
            : new Dictionary<string, double> { [dataset] = report.GetProperty("eer").GetDouble() };
    }
}
