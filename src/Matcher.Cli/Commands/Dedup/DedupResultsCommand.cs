using System.CommandLine;
using System.Globalization;
using System.Text;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Dedup;

/// <summary>
/// `matcher dedup results JOB`: every candidate pair of a job, best first, with its cluster and its scores per modality
/// and finger, and the clusters, as CSV or JSON for adjudication tools. Holds ids and scores only, never biometric data.
/// </summary>
internal sealed class DedupResultsCommand : ICliCommand
{
    private const uint PageSize = 1000;

    private readonly Argument<string> _job = DedupOptions.JobId();
    private readonly Option<string> _format = new Option<string>("--format")
    {
        Description = "csv: one row per pair (clusters in --clusters); json: one object with the status, pairs and clusters.",
        HelpName = "F",
        DefaultValueFactory = _ => "csv",
    }.AcceptOnlyFromAmong("csv", "json");
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write the pairs here instead of to the console.", HelpName = "FILE" };
    private readonly Option<string?> _clusters = new("--clusters") { Description = "With csv: write the clusters, one row each, to this file.", HelpName = "FILE" };
    private readonly ConnectionOptions _connection = new();

    public string Name => "dedup results";

    public string Description => "Write a dedup job's candidate pairs and clusters as CSV or JSON (ids and scores only).";

    public IReadOnlyList<Argument> Arguments => [_job];

    public IReadOnlyList<Option> Options => [_format, _output, _clusters, .. _connection.All];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var jobId = parsed.GetRequiredValue(_job);
        using var connection = _connection.Open(parsed);
        var results = Fetch(connection, jobId);
        var output = parsed.GetValue(_output);
        using var writer = output is null ? null : new StreamWriter(output, append: false, new UTF8Encoding(false));
        var target = writer ?? context.Output;
        if (parsed.GetRequiredValue(_format) == "json")
        {
            ServiceOutput.WriteJson(target, results);
        }
        else
        {
            WritePairsCsv(target, results);
            if (parsed.GetValue(_clusters) is { } clustersFile)
            {
                using var clusters = new StreamWriter(clustersFile, append: false, new UTF8Encoding(false));
                WriteClustersCsv(clusters, results);
            }
        }
        if (output is not null)
        {
            context.Output.WriteLine($"{results.Pairs.Count} pair(s) in {results.Clusters.Count} cluster(s) written to {output}");
        }
        return 0;
    }

    /// <summary>Every page, gathered into one response: the last page's status, all pairs, the clusters of the first page.</summary>
    public static GetJobResultsResponse Fetch(ServiceConnection connection, string jobId)
    {
        var all = new GetJobResultsResponse();
        var token = "";
        do
        {
            var page = connection.Call(options => connection.Jobs.GetJobResults(new GetJobResultsRequest { JobId = jobId, PageSize = PageSize, PageToken = token }, options));
            all.Status = page.Status;
            all.TotalPairs = page.TotalPairs;
            all.Pairs.AddRange(page.Pairs);
            all.Clusters.AddRange(page.Clusters);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    private static void WritePairsCsv(TextWriter output, GetJobResultsResponse results)
    {
        output.WriteLine("cluster,subject_gallery,subject_id,other_gallery,other_id,score,fingerprint_score,face_score,finger_scores");
        foreach (var pair in results.Pairs)
        {
            var scores = pair.Scores;
            var fingers = string.Join(" ", scores.FingerScores.Select(f => $"{FingerPositions.Name(f.Position)}:{Number(f.Score)}"));
            output.WriteLine(string.Join(",",
                pair.Cluster.ToString(CultureInfo.InvariantCulture),
                Csv(pair.Subject.Gallery), Csv(pair.Subject.SubjectId), Csv(pair.Other.Gallery), Csv(pair.Other.SubjectId),
                Number(scores.Score),
                scores.HasFingerprintScore ? Number(scores.FingerprintScore) : "",
                scores.HasFaceScore ? Number(scores.FaceScore) : "",
                Csv(fingers)));
        }
    }

    private static void WriteClustersCsv(TextWriter output, GetJobResultsResponse results)
    {
        output.WriteLine("cluster,members,pairs,best_score,subject_ids");
        foreach (var cluster in results.Clusters)
        {
            output.WriteLine(string.Join(",",
                cluster.Cluster.ToString(CultureInfo.InvariantCulture),
                cluster.Members.Count.ToString(CultureInfo.InvariantCulture),
                cluster.Pairs.ToString(CultureInfo.InvariantCulture),
                Number(cluster.BestScore),
                Csv(string.Join(" ", cluster.Members.Select(m => $"{m.Gallery}/{m.SubjectId}")))));
        }
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting where a field needs it.</summary>
    private static string Csv(string field)
    {
        var needsQuotes = field.IndexOfAny([',', '"', '\n', '\r']) >= 0;
        return needsQuotes ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
