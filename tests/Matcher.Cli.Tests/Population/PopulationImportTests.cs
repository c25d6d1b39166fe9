using Google.Protobuf;
using Matcher.Cli.Tests.Service;
using Matcher.Contracts.V1;
using Matcher.Population.Files;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Population;

/// <summary>Needs a real server: `matcher population import` streams a population file into the in-process service.</summary>
public sealed class PopulationImportTests(LoopbackService service) : IClassFixture<LoopbackService>, IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private CliResult Run(params string[] args) => Service.Cli.Run([.. args, "--server", service.Address]);

    private string ServerFaceModel() => JsonParser.Default.Parse<GetStatsResponse>(Run("stats", "--json").Output).FaceModelId;

    /// <summary>
    /// Subjects with two real FVC2002 DB1_B ISO templates each (the eighty impressions in turn) and a seeded face;
    /// <paramref name="damagedTemplateOf"/> names a subject whose first template is replaced by bytes of no format.
    /// </summary>
    private string WritePopulation(string name, int subjects, string faceModelId, int damagedTemplateOf = -1)
    {
        var path = Path.Combine(_files.Path, name);
        var random = new Random(7);
        using var writer = PopulationWriter.Create(File.Create(path), new PopulationHeader(7, subjects, faceModelId, 512));
        for (var n = 0; n < subjects; n++)
        {
            var right = n == damagedTemplateOf ? "not a template"u8.ToArray() : Iso(2 * n);
            writer.Write(new PopulationSubject($"P{n:D4}", [new PopulationFinger(2, right), new PopulationFinger(7, Iso(2 * n + 1))],
                TestSamples.UnitVector(random)));
        }
        return path;
    }

    private static byte[] Iso(int impression) => File.ReadAllBytes(Service.Cli.IsoTemplate(101 + impression / 8 % 10, 1 + impression % 8));

    [Fact]
    public void AFileIsImportedOnceAndAgainFindsEverySubjectPresent()
    {
        var file = WritePopulation("fifty.pop", 50, ServerFaceModel());

        var first = Run("population", "import", file, "--gallery", "population-cli", "--batch", "16");
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.StartsWith("fifty.pop -> gallery population-cli: 50 imported, 0 already present, 0 failed of 50 subject(s)", first.Output);

        var again = Run("population", "import", file, "--gallery", "population-cli", "--json");
        Assert.Equal(0, again.ExitCode);
        var response = JsonParser.Default.Parse<ImportSubjectsResponse>(again.Output);
        Assert.Equal((0ul, 50ul, 0ul), (response.Imported, response.AlreadyPresent, response.Failed));
    }

    [Fact]
    public void AFailedSubjectIsListedByItsPlaceInTheFileAndTheRestIsImported()
    {
        var file = WritePopulation("damaged.pop", 30, ServerFaceModel(), damagedTemplateOf: 21);

        var result = Run("population", "import", file, "--gallery", "population-cli-failures", "--batch", "8");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("damaged.pop -> gallery population-cli-failures: 29 imported, 0 already present, 1 failed of 30 subject(s)", result.Output);
        Assert.Contains("  subject #21 'P0021': InvalidArgument template.", result.Output);
    }

    [Fact]
    public void FacesOfAnotherModelStopTheImportBeforeAnythingIsSent()
    {
        var file = WritePopulation("other-model.pop", 5, "another-model@000000000000");

        var result = Run("population", "import", file, "--gallery", "population-cli-model");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'another-model@000000000000'", result.Error);
        Assert.DoesNotContain(JsonParser.Default.Parse<GetStatsResponse>(Run("stats", "--json").Output).Galleries, g => g.Gallery == "population-cli-model");
    }
}
