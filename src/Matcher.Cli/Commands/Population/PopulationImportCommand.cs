using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Cli.Display;
using Matcher.Contracts.V1;
using Matcher.Population.Files;

namespace Matcher.Cli.Commands.Population;

/// <summary>
/// `matcher population import FILE --gallery G` or `matcher population import --manifest MANIFEST.csv --gallery G`:
/// streams a population file, or a folder of legacy images and templates described by a manifest
/// (<see cref="SampleManifest"/>), to the running service's bulk import (insert-only, no duplicate search), one
/// ImportSubjects call per --batch subjects, so each call's counts are on the service's disk before the next starts and
/// an interrupted import loses at most one call's answer. A manifest is checked whole before anything is sent. Running
/// it again resumes: subjects already imported count as already present. Exit code 0 when every subject is in the
/// gallery, 1 when some failed (they are listed) or the service refused.
/// </summary>
internal sealed class PopulationImportCommand : ICliCommand
{
    private const int DefaultBatch = 10_000;
    private const int MaxListed = 1000;

    /// <summary>Per call: a batch of the default size takes seconds; a deadline this long only stops a stalled service.</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromMinutes(10);

    private readonly Argument<FileInfo?> _file = new("FILE")
    {
        Description = "The population file (as written by matcher population generate); or give --manifest instead.",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private readonly Option<string?> _manifest = new("--manifest")
    {
        Description = $"Import legacy images and templates instead: a CSV file with the header {SampleManifest.Header}, one row per sample " +
            "(sample: finger position 1-10 or a name such as right-index, or face; file: an image or an ISO/ANSI/native template, " +
            "relative to the manifest; dpi: the scanner resolution of a fingerprint image, empty otherwise), a subject's rows together.",
        HelpName = "MANIFEST",
    };
    private readonly Option<string> _gallery = ServiceOptions.Gallery();
    private readonly Option<int?> _batch = CliValues.WholeNumber("--batch",
        $"Subjects per import call (default {DefaultBatch}); each call's subjects are on disk when it answers.", minimum: 1);
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "population import";

    public string Description =>
        "Load a population file, or legacy images and templates listed in a manifest, into a gallery of the running service, insert-only (exit code 1 when subjects failed).";

    public IReadOnlyList<Argument> Arguments => [_file];

    public IReadOnlyList<Option> Options => [_manifest, _gallery, _batch, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var file = parsed.GetValue(_file);
        var manifestPath = parsed.GetValue(_manifest);
        if ((file is null) == (manifestPath is null))
        {
            throw new CliUsageException("Give either a population FILE or --manifest MANIFEST.csv, not both or neither.");
        }
        var gallery = parsed.GetRequiredValue(_gallery);
        var batch = parsed.GetValue(_batch) ?? DefaultBatch;
        var json = parsed.GetValue(_json);
        using var connection = _connection.Open(parsed, CallDeadline);

        var watch = Stopwatch.StartNew();
        ImportSubjectsResponse total;
        string name;
        if (file is not null)
        {
            using var reader = Open(file);
            RequireSameFaceModel(reader.Header, connection, file.Name);
            name = file.Name;
            var subjects = reader.ReadAll().Select(subject => RequestOf(subject, gallery, reader.Header));
            total = context.Progress(json).Run(progress =>
                ImportAsync(subjects, reader.Header.SubjectCount, batch, connection, progress, name).GetAwaiter().GetResult());
        }
        else
        {
            var manifest = SampleManifest.Open(manifestPath!);
            name = manifest.Name;
            var count = Checked(manifest.Validate);
            var subjects = manifest.Subjects().Select(subject => manifest.Request(subject, gallery));
            total = context.Progress(json).Run(progress =>
                ImportAsync(subjects, count, batch, connection, progress, name).GetAwaiter().GetResult());
        }
        watch.Stop();

        if (json)
        {
            ServiceOutput.WriteJson(context.Output, total);
        }
        else
        {
            Write(context.Output, total, name, gallery, watch.Elapsed);
        }
        return total.Failed == 0 ? 0 : 1;
    }

    /// <summary>A mistake found while checking the manifest: nothing was sent.</summary>
    private static T Checked<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (ManifestException e)
        {
            throw new CliFailureException($"{e.Message} Nothing was imported.");
        }
    }

    private static PopulationReader Open(FileInfo file)
    {
        try
        {
            return PopulationReader.Open(file.OpenRead());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliFailureException($"Cannot read the population file '{file.FullName}': {e.Message}");
        }
    }

    /// <summary>Every face would fail one by one against another model; one message before anything is sent says it once.</summary>
    private static void RequireSameFaceModel(PopulationHeader header, ServiceConnection connection, string fileName)
    {
        if (header.EmbeddingDimension == 0)
        {
            return;
        }
        var serverModel = connection.Call(options => connection.Matcher.GetStats(new GetStatsRequest(), options)).FaceModelId;
        if (serverModel != header.FaceModelId)
        {
            throw new CliFailureException($"The faces in {fileName} were made by model '{header.FaceModelId}', but the service uses " +
                $"'{(serverModel.Length == 0 ? "none" : serverModel)}'; embeddings of different models never compare, so nothing was imported.");
        }
    }

    private static async Task<ImportSubjectsResponse> ImportAsync(IEnumerable<ImportSubjectRequest> requests, long count, int batch,
        ServiceConnection connection, IProgress<ProgressStep> progress, string name)
    {
        var total = new ImportSubjectsResponse { Timings = new Timings() };
        var subjectCount = (int)Math.Min(count, int.MaxValue);
        var stage = $"importing {name}";
        using var subjects = requests.GetEnumerator();
        var sent = 0L;
        var more = true;
        while (more)
        {
            var first = sent;
            var response = await connection.CallAsync(async options =>
            {
                using var call = connection.Matcher.ImportSubjects(options);
                for (var inCall = 0; inCall < batch && (more = Next(subjects, sent, name)); inCall++)
                {
                    await call.RequestStream.WriteAsync(subjects.Current);
                    progress.Report(new ProgressStep(stage, (int)Math.Min(++sent, int.MaxValue), subjectCount));
                }
                await call.RequestStream.CompleteAsync();
                return await call.ResponseAsync;
            });
            Add(total, response, first);
        }
        return total;
    }

    /// <summary>A damaged record or an unreadable sample file ends the import; what the service answered for earlier calls is on its disk.</summary>
    private static bool Next(IEnumerator<ImportSubjectRequest> subjects, long sent, string name)
    {
        const string Stopped = "The subjects of the calls answered before are imported; the call in progress was not completed.";
        try
        {
            return subjects.MoveNext();
        }
        catch (InvalidDataException e)
        {
            throw new CliFailureException($"{name} is damaged after {sent} subject(s): {e.Message} {Stopped}");
        }
        catch (ManifestException e)
        {
            throw new CliFailureException($"{e.Message} The import stopped after {sent} subject(s). {Stopped}");
        }
    }

    private static ImportSubjectRequest RequestOf(PopulationSubject subject, string gallery, PopulationHeader header)
    {
        var samples = new Samples();
        foreach (var finger in subject.Fingers)
        {
            samples.Fingerprints.Add(new FingerprintSample
            {
                Position = (FingerPosition)finger.Position,
                Template = new FingerprintTemplateData { Data = ByteString.CopyFrom(finger.IsoTemplate), Format = TemplateFormat.Iso1979422005 },
            });
        }
        if (subject.FaceEmbedding is { } embedding)
        {
            samples.Face = new FaceSample { Embedding = new FaceEmbedding { ModelId = header.FaceModelId, Values = { embedding } } };
        }
        return new ImportSubjectRequest { SubjectId = subject.SubjectId, Gallery = gallery, Samples = samples };
    }

    /// <summary>Adds one call's answer; its failures are numbered by their place in the call, so they move to their place in the file.</summary>
    private static void Add(ImportSubjectsResponse total, ImportSubjectsResponse call, long firstInFile)
    {
        total.Imported += call.Imported;
        total.AlreadyPresent += call.AlreadyPresent;
        total.Failed += call.Failed;
        var room = Math.Max(0, MaxListed - total.Failures.Count);
        foreach (var failure in call.Failures.Take(room))
        {
            failure.Index += (ulong)firstInFile;
            total.Failures.Add(failure);
        }
        total.FailuresNotListed = total.Failed - (ulong)total.Failures.Count;
        total.Timings.ExtractUs += call.Timings?.ExtractUs ?? 0;
        total.Timings.PersistUs += call.Timings?.PersistUs ?? 0;
        total.Timings.TotalUs += call.Timings?.TotalUs ?? 0;
    }

    private static void Write(TextWriter output, ImportSubjectsResponse total, string fileName, string gallery, TimeSpan elapsed)
    {
        var subjects = total.Imported + total.AlreadyPresent + total.Failed;
        var rate = elapsed.TotalSeconds > 0 ? subjects / elapsed.TotalSeconds : 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fileName} -> gallery {gallery}: {total.Imported} imported, {total.AlreadyPresent} already present, {total.Failed} failed " +
            $"of {subjects} subject(s) in {elapsed.TotalSeconds:0.0} s ({rate:0} subjects/s)"));
        foreach (var failure in total.Failures)
        {
            var code = ((Google.Rpc.Code)failure.Code).ToString();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  subject #{failure.Index} '{failure.SubjectId}': {code} {failure.Reason}: {failure.Message}"));
        }
        if (total.FailuresNotListed > 0)
        {
            output.WriteLine($"  ... and {total.FailuresNotListed} more failure(s) not listed");
        }
    }
}
