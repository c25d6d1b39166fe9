using Google.Protobuf;
using Matcher.Cli.Tests.Population;
using Matcher.Cli.Tests.Service;
using Matcher.Contracts.V1;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Dedup;

/// <summary>
/// The real server with a legacy folder loaded as an operator loads it (`matcher population import --manifest`) and
/// one dedup job run over it to its end (`matcher dedup start`, `watch`, `results`), shared by the report tests.
/// Eight subjects from FVC2002 DB1_B images, their SecuGen ISO templates and LFW faces: ana twice (two fingers and a
/// face each), ben three times (the last with one finger only, two with ISO templates of their left index, under an id
/// full of markup), and three people enrolled once.
/// </summary>
public sealed class LegacyDedupJob : IAsyncLifetime
{
    public const string Gallery = "legacy-report";

    /// <summary>Any character may stand in an id; a report must show it as text, never as markup.</summary>
    public const string Marked = "<b>ben</b> & \"co\" 'x'";

    private static readonly TimeSpan JobWait = TimeSpan.FromSeconds(60);

    public static readonly IReadOnlyList<LegacyPerson> People =
    [
        new("ana", [new("right-index", 101, 1, false), new("left-index", 102, 1, false)], ("Abdullah_Gul", 13)),
        new("ana again", [new("right-index", 101, 2, false), new("left-index", 102, 2, false)], ("Abdullah_Gul", 14)),
        new(Marked, [new("right-index", 103, 1, false), new("left-index", 104, 1, true)], null),
        new("ben-2", [new("right-index", 103, 3, false), new("left-index", 104, 3, true)], null),
        new("ben-3", [new("right-index", 103, 5, false)], null),
        new("carl", [new("right-index", 105, 1, false), new("left-index", 106, 1, false)], ("Aaron_Guiel", 1)),
        new("dora", [new("right-index", 107, 1, false), new("left-index", 108, 1, false)], null),
        new("emil", [new("right-index", 109, 1, false), new("left-index", 110, 1, false)], null),
    ];

    /// <summary>The datasets the folder is made of, under the shared datasets root.</summary>
    private static readonly string[] DatasetFolders =
        ["fingerprints/fvc2002/DB1_B", "fingerprints/iso19794-2/openafis/fvc2002/DB1_B", "faces/lfw/lfw-deepfunneled"];

    private LoopbackService? _service;
    private string? _missing;

    public TemporaryDirectory Folder { get; } = new();

    public string Manifest { get; private set; } = "";

    public string JobId { get; private set; } = "";

    public GetJobResultsResponse Results { get; private set; } = new();

    internal CliResult Run(params string[] args) => Service.Cli.Run([.. args, "--server", _service!.Address]);

    /// <summary>Skips the calling test when a dataset the folder is made of is absent.</summary>
    public void RequireDatasets()
    {
        if (_missing is not null)
        {
            Assert.Skip(_missing);
        }
    }

    public async ValueTask InitializeAsync()
    {
        _service = await LoopbackService.StartAsync();
        var absent = DatasetFolders.FirstOrDefault(folder => !Directory.Exists(Path.Combine(Datasets.Root, folder)));
        if (absent is not null)
        {
            _missing = $"Dataset '{absent}' not found under '{Datasets.Root}'. Set {Datasets.PathVariable} to the shared datasets folder.";
            return;
        }
        Manifest = WriteManifest();
        Require(Run("population", "import", "--manifest", Manifest, "--gallery", Gallery), "import");
        var started = Require(Run("dedup", "start", "--gallery", Gallery, "--label", "legacy roll 1998", "--json"), "dedup start");
        JobId = JsonParser.Default.Parse<StartDedupJobResponse>(started.Output).JobId;
        var watch = Task.Run(() => Run("dedup", "watch", JobId));
        try
        {
            Require(await watch.WaitAsync(JobWait), "dedup watch");
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Job {JobId} did not end within {JobWait.TotalSeconds:0} s.");
        }
        Results = JsonParser.Default.Parse<GetJobResultsResponse>(Require(Run("dedup", "results", JobId, "--format", "json"), "dedup results").Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
        Folder.Dispose();
    }

    private string WriteManifest()
    {
        var manifest = new LegacyManifest(Folder);
        foreach (var person in People)
        {
            foreach (var finger in person.Fingers)
            {
                _ = finger.Template
                    ? manifest.Template(person.Id, finger.Position, finger.Finger, finger.Impression)
                    : manifest.Image(person.Id, finger.Position, finger.Finger, finger.Impression);
            }
            if (person.Face is var (name, number))
            {
                manifest.Face(person.Id, name, number);
            }
        }
        return manifest.Write();
    }

    private static CliResult Require(CliResult result, string step) =>
        result.ExitCode == 0 ? result : throw new InvalidOperationException($"{step} failed with exit code {result.ExitCode}: {result.Error}{result.Output}");
}

/// <summary>One legacy subject: its fingers (position name, FVC2002 DB1_B finger and impression, as its ISO template or its image) and its LFW face.</summary>
public sealed record LegacyPerson(string Id, IReadOnlyList<LegacyFinger> Fingers, (string Person, int Number)? Face);

public sealed record LegacyFinger(string Position, int Finger, int Impression, bool Template);
