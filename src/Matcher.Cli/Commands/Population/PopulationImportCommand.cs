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
/// `matcher population import FILE --gallery G`: streams a population file to the running service's bulk import
/// (insert-only, no duplicate search), one ImportSubjects call per --batch subjects, so each call's counts are on the
/// service's disk before the next starts and an interrupted import loses at most one call's answer. Running it again
/// resumes: subjects already imported count as already present. Exit code 0 when every subject is in the gallery,
/// 1 when some failed (they are listed) or the service refused.
/// </summary>
internal sealed class PopulationImportCommand : ICliCommand
{
    private const int DefaultBatch = 10_000;
    private const int MaxListed = 1000;

    /// <summary>Per call: a batch of the default size takes seconds; a deadline this long only stops a stalled service.</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromMinutes(10);

    private readonly Argument<FileInfo> _file = new("FILE") { Description = "The population file (as written by matcher population generate)." };
    private readonly Option<string> _gallery = ServiceOptions.Gallery();
    private readonly Option<int?> _batch = CliValues.WholeNumber("--batch",
        $"Subjects per import call (default {DefaultBatch}); each call's subjects are on disk when it answers.", minimum: 1);
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "population import";

    public string Description => "Load a population file into a gallery of the running service, insert-only (exit code 1 when subjects failed).";

    public IReadOnlyList<Argument> Arguments => [_file];

    public IReadOnlyList<Option> Options => [_gallery, _batch, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var file = parsed.GetRequiredValue(_file);
        var gallery = parsed.GetRequiredValue(_gallery);
        var batch = parsed.GetValue(_batch) ?? DefaultBatch;
        var json = parsed.GetValue(_json);
        using var reader = Open(file);
        using var connection = _connection.Open(parsed, CallDeadline);
        RequireSameFaceModel(reader.Header, connection, file.Name);

        var watch = Stopwatch.StartNew();
        var total = context.Progress(json).Run(progress =>
            ImportAsync(reader, gallery, batch, connection, progress, file.Name).GetAwaiter().GetResult());
        watch.Stop();

        if (json)
        {
            ServiceOutput.WriteJson(context.Output, total);
        }
        else
        {
            Write(context.Output, total, file.Name, gallery, watch.Elapsed);
        }
        return total.Failed == 0 ? 0 : 1;
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

    private static async Task<ImportSubjectsResponse> ImportAsync(PopulationReader reader, string gallery, int batch, ServiceConnection connection,
        IProgress<ProgressStep> progress, string fileName)
    {
        var total = new ImportSubjectsResponse { Timings = new Timings() };
        var subjectCount = (int)Math.Min(reader.Header.SubjectCount, int.MaxValue);
        var stage = $"importing {fileName}";
        using var subjects = reader.ReadAll().GetEnumerator();
        var sent = 0L;
        var more = true;
        while (more)
        {
            var first = sent;
            var response = await connection.CallAsync(async options =>
            {
                using var call = connection.Matcher.ImportSubjects(options);
                for (var inCall = 0; inCall < batch && (more = Next(subjects, sent, fileName)); inCall++)
                {
                    await call.RequestStream.WriteAsync(RequestOf(subjects.Current, gallery, reader.Header));
                    progress.Report(new ProgressStep(stage, (int)Math.Min(++sent, int.MaxValue), subjectCount));
                }
                await call.RequestStream.CompleteAsync();
                return await call.ResponseAsync;
            });
            Add(total, response, first);
        }
        return total;
    }

    /// <summary>A damaged record ends the import; what the service answered for earlier calls is on its disk.</summary>
    private static bool Next(IEnumerator<PopulationSubject> subjects, long sent, string fileName)
    {
        try
        {
            return subjects.MoveNext();
        }
        catch (InvalidDataException e)
        {
            throw new CliFailureException($"{fileName} is damaged after {sent} subject(s): {e.Message} " +
                "The subjects of the calls answered before are imported; the call in progress was not completed.");
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
