using System.CommandLine;
using System.Text;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Population;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Dedup.Report;

/// <summary>
/// `matcher dedup report JOB --output FILE.html [--manifest [GALLERY=]FILE]...`: the job's adjudication report as one
/// HTML file a reviewer opens in a browser (see <see cref="AdjudicationReport"/>). With a manifest it holds fingerprint
/// and face images, which are biometric data: it goes only to the file the operator names, created readable by its
/// owner only and replaced whole; nothing of it is printed or logged, the console gets only counts.
/// </summary>
internal sealed class DedupReportCommand : ICliCommand
{
    private readonly Argument<string> _job = DedupOptions.JobId();
    private readonly Option<string> _output = CommonOptions.OutputFile(
        "The HTML report to write. With --manifest it shows fingerprints and faces, which are biometric data: give a place " +
        "where such data may be stored (never a shared or public folder) and delete the file after adjudication. It is " +
        "created readable by its owner only and replaced whole; nothing of it is printed or logged.");
    private readonly Option<IReadOnlyList<ManifestChoice>> _manifests = CliValues.Repeated("--manifest", ManifestChoice.Syntax,
        $"Where the subjects' images are, repeatable: a manifest as matcher population import reads it ({SampleManifest.Header}), " +
        "for every gallery of the job, or with GALLERY= for one (a merge check whose galleries reuse ids). Without one the report holds ids and scores only.",
        ManifestChoice.Parse);
    private readonly Option<IReadOnlyList<int>> _clusters = CliValues.Repeated("--cluster", "N",
        "Only this cluster, repeatable (with images a whole legacy job's report can run to gigabytes: give each adjudicator a share).",
        text => CliValues.ParseWholeNumber("--cluster", text, minimum: 0, maximum: int.MaxValue));
    private readonly ConnectionOptions _connection = new();

    public string Name => "dedup report";

    public string Description =>
        "Write a dedup job's HTML adjudication report: clusters, pairs, scores per modality and finger, and the manifest's fingerprints (matched minutiae drawn) and faces side by side.";

    public IReadOnlyList<Argument> Arguments => [_job];

    public IReadOnlyList<Option> Options => [_output, _manifests, _clusters, .. _connection.All];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var jobId = parsed.GetRequiredValue(_job);
        var path = parsed.GetRequiredValue(_output);
        var manifests = parsed.GetValue(_manifests) ?? [];
        GetJobResultsResponse results;
        using (var connection = _connection.Open(parsed))
        {
            results = DedupResultsCommand.Fetch(connection, jobId);
        }
        if (parsed.GetValue(_clusters) is { Count: > 0 } chosen)
        {
            results = OnlyClusters(results, chosen);
        }
        var subjects = results.Clusters.SelectMany(c => c.Members)
            .Concat(results.Pairs.SelectMany(p => new[] { p.Subject, p.Other }))
            .ToHashSet();
        var samples = manifests.Count > 0 ? ReportSamples.Read(manifests, subjects) : null;
        var report = new AdjudicationReport(results, samples, TimeProvider.System.GetUtcNow());
        var counts = WriteOwnerOnly(path, report.Write);
        context.Output.WriteLine($"{counts.Clusters} cluster(s), {counts.Pairs} pair(s), {counts.Images} image(s) written to {path}");
        if (samples is not null)
        {
            context.Output.WriteLine($"  {samples.Count} of the job's {subjects.Count} subject(s) found in the manifest(s)");
        }
        return 0;
    }

    /// <summary>The chosen clusters and their pairs, with the job's status; a cluster the job does not have is refused before anything is written.</summary>
    private static GetJobResultsResponse OnlyClusters(GetJobResultsResponse results, IReadOnlyList<int> chosen)
    {
        var known = results.Clusters.Select(c => c.Cluster).ToHashSet();
        var unknown = chosen.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliFailureException($"Job {results.Status.JobId} has no cluster {string.Join(", ", unknown)}; its clusters are " +
                (known.Count == 0 ? "none." : $"{known.Min()} to {known.Max()}.") + " No report was written.");
        }
        var only = new GetJobResultsResponse { Status = results.Status, TotalPairs = results.TotalPairs };
        only.Clusters.AddRange(results.Clusters.Where(c => chosen.Contains(c.Cluster)));
        only.Pairs.AddRange(results.Pairs.Where(p => chosen.Contains(p.Cluster)));
        return only;
    }

    /// <summary>
    /// Writes beside the target and renames over it, so a reader never sees half a report and a failed run leaves any
    /// earlier report as it was; the new file is readable by its owner only from its creation on.
    /// </summary>
    private static ReportCounts WriteOwnerOnly(string path, Func<TextWriter, ReportCounts> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            ReportCounts counts;
            using (var writer = new StreamWriter(temporary, new UTF8Encoding(false), options))
            {
                counts = write(writer);
            }
            File.Move(temporary, full, overwrite: true);
            return counts;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
