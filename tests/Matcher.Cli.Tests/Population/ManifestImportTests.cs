using Google.Protobuf;
using Matcher.Cli.Tests.Service;
using Matcher.Contracts.V1;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Population;

/// <summary>
/// Needs a real server: `matcher population import --manifest` loads a legacy folder of FVC2002 images, ISO templates
/// and LFW faces into the in-process service, checks the whole manifest before sending anything, and lists the
/// subjects the service refused by their place in the manifest.
/// </summary>
public sealed class ManifestImportTests(LoopbackService service) : IClassFixture<LoopbackService>, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliResult Run(params string[] args) => Service.Cli.Run([.. args, "--server", service.Address]);

    private GetSubjectResponse Subject(string gallery, string id)
    {
        var result = Run("subject", "--id", id, "--gallery", gallery, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonParser.Default.Parse<GetSubjectResponse>(result.Output);
    }

    private bool GalleryExists(string gallery) =>
        JsonParser.Default.Parse<GetStatsResponse>(Run("stats", "--json").Output).Galleries.Any(g => g.Gallery == gallery);

    [Fact]
    public void ImagesTemplatesAndFacesAreImportedOnceAndAgainFoundPresent()
    {
        var manifest = new LegacyManifest(_folder)
            .Image("L-0001", "right-index", 101, 1).Template("L-0001", "7", 102, 1).Face("L-0001", "Abdullah_Gul", 13)
            .Image("L-0002", "2", 103, 1).Image("L-0002", "left-index", 104, 1)
            .Template("Müller, \"Jr.\" <3>", "right-thumb", 105, 1)
            .Write();

        var first = Run("population", "import", "--manifest", manifest, "--gallery", "legacy-import", "--batch", "2");
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.StartsWith("legacy.csv -> gallery legacy-import: 3 imported, 0 already present, 0 failed of 3 subject(s)", first.Output);
        var ana = Subject("legacy-import", "L-0001");
        Assert.Equal([FingerPosition.RightIndex, FingerPosition.LeftIndex], ana.Fingers.Order());
        Assert.True(ana.HasFace);
        Assert.Equal([FingerPosition.RightThumb], Subject("legacy-import", "Müller, \"Jr.\" <3>").Fingers);

        var again = Run("population", "import", "--manifest", manifest, "--gallery", "legacy-import", "--json");
        Assert.Equal(0, again.ExitCode);
        var response = JsonParser.Default.Parse<ImportSubjectsResponse>(again.Output);
        Assert.Equal((0ul, 3ul, 0ul), (response.Imported, response.AlreadyPresent, response.Failed));
    }

    [Fact]
    public void ASubjectTheServiceRefusesIsListedByItsPlaceAndTheOthersAreImported()
    {
        var builder = new LegacyManifest(_folder).Image("R-1", "2", 106, 1);
        var garbage = builder.Beside("R-2-finger-2.iso", "not a template at all"u8.ToArray());
        var manifest = builder.Row("R-2", "2", garbage, "").Image("R-3", "2", 107, 1).Write();

        var result = Run("population", "import", "--manifest", manifest, "--gallery", "legacy-refused");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("legacy.csv -> gallery legacy-refused: 2 imported, 0 already present, 1 failed of 3 subject(s)", result.Output);
        Assert.Contains("  subject #1 'R-2': InvalidArgument template.", result.Output);
        Assert.Equal([FingerPosition.RightIndex], Subject("legacy-refused", "R-3").Fingers);
    }

    [Theory]
    [InlineData("missing-file", "legacy.csv line 3: the file 'no-such-scan.tif' does not exist")]
    [InlineData("image-without-dpi", "109_1.tif' is a fingerprint image: give its scanner resolution in the dpi column.")]
    [InlineData("template-with-dpi", "109_1.iso' is not an image, so it is read as a template, which carries its own resolution: leave the dpi empty, not 500.")]
    [InlineData("rows-apart", "legacy.csv line 4: subject 'M-1' has rows elsewhere in the manifest")]
    [InlineData("finger-twice", "legacy.csv line 3: subject 'M-1' has finger right-index twice.")]
    [InlineData("unknown-position", "legacy.csv line 3: Unknown finger position 'eleventh'")]
    [InlineData("face-with-dpi", "legacy.csv line 3: a face has no dpi")]
    [InlineData("bad-dpi", "legacy.csv line 3: the dpi must be a whole number from 250 to 1200, not '72'.")]
    [InlineData("unclosed-quote", "legacy.csv line 3: a quoted field is not closed before the end of the file.")]
    [InlineData("quote-inside", "legacy.csv line 3: a double quote inside an unquoted field")]
    [InlineData("three-fields", "legacy.csv line 3: 3 field(s) where subject_id,sample,file,dpi needs 4")]
    public void AMistakeAnywhereInTheManifestIsNamedByLineBeforeAnythingIsSent(string mistake, string message)
    {
        var gallery = $"legacy-mistake-{mistake}";
        var builder = new LegacyManifest(_folder).Image("M-1", "right-index", 108, 1);
        var manifest = (mistake switch
        {
            "missing-file" => builder.Row("M-2", "2", "no-such-scan.tif", "500"),
            "image-without-dpi" => builder.Row("M-2", "2", Path.GetRelativePath(_folder.Path, Service.Cli.Fvc(109, 1)), ""),
            "template-with-dpi" => builder.Row("M-2", "2", Path.GetRelativePath(_folder.Path, Service.Cli.IsoTemplate(109, 1)), "500"),
            "rows-apart" => builder.Image("M-2", "2", 109, 1).Image("M-1", "left-index", 110, 1),
            "finger-twice" => builder.Image("M-1", "2", 108, 2),
            "unknown-position" => builder.Row("M-2", "eleventh", "x.tif", "500"),
            "face-with-dpi" => builder.Row("M-2", "face", Path.GetRelativePath(_folder.Path, Service.Cli.Face("Abdullah_Gul", 13)), "300"),
            "unclosed-quote" => builder.Raw("M-2,2,\"x.tif,500").Image("M-3", "2", 101, 1),
            "quote-inside" => builder.Raw("M-2,2,x\"y.tif,500"),
            "three-fields" => builder.Raw("M-2,2,x.tif"),
            _ => builder.Row("M-2", "2", "x.tif", "72"),
        }).Write();

        var result = Run("population", "import", "--manifest", manifest, "--gallery", gallery);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("legacy.csv line ", result.Error);
        Assert.Contains(message, result.Error);
        Assert.Contains("Nothing was imported.", result.Error);
        Assert.False(GalleryExists(gallery), $"gallery {gallery} exists after a refused manifest");
    }

    [Fact]
    public void AManifestWithoutItsHeaderIsRefused()
    {
        var manifest = _folder.Combine("headless.csv");
        File.WriteAllText(manifest, "id,finger,path\nH-1,2,x.tif\n");

        var result = Run("population", "import", "--manifest", manifest, "--gallery", "legacy-headless");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("headless.csv line 1: the first line must be the header subject_id,sample,file,dpi, not 'id,finger,path'. Nothing was imported.", result.Error);
    }

    [Fact]
    public void AFileAndAManifestTogetherOrNeitherIsACommandLineMistake()
    {
        var manifest = new LegacyManifest(_folder).Image("N-1", "2", 101, 3).Write();

        Assert.Equal(2, Run("population", "import", "--gallery", "g").ExitCode);
        var both = Run("population", "import", manifest, "--manifest", manifest, "--gallery", "g");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("Give either a population FILE or --manifest MANIFEST.csv", both.Error);
    }
}
