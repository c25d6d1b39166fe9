using System.CommandLine;
using System.Globalization;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Audit;

/// <summary>
/// `matcher audit query`: the records of the service's audit log that match every filter given, in log order, one line
/// each (or one JSON object each with --json). For auditors: who called which RPC on whom, and what came of it.
/// </summary>
internal sealed class AuditQueryCommand : ICliCommand
{
    private readonly Option<long?> _after = CliValues.Single<long?>("--after", "SEQ",
        "Only records after this sequence number; page with the last one printed.", text => ParseSequence(text));
    private readonly Option<DateTimeOffset?> _since = Time("--since", "Only records at or after this time (ISO 8601, UTC when no offset is given).");
    private readonly Option<DateTimeOffset?> _until = Time("--until", "Only records before this time.");
    private readonly Option<string?> _actor = Text("--actor", "NAME", "Only records of this caller (certificate common name or token subject).");
    private readonly Option<string?> _rpc = Text("--rpc", "METHOD", "Only records of this RPC, such as Identify or /matcher.v1.Matcher/Delete.");
    private readonly Option<string?> _gallery = Text("--gallery", "G", "Only records touching this gallery.");
    private readonly Option<string?> _subject = Text("--subject", "ID", "Only records that touched this subject or returned it as a candidate.");
    private readonly Option<int?> _max = CliValues.WholeNumber("--max", "Most records to print (default 1000).", 1, 100_000);
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "audit query";

    public string Description => "Print the audit records of the service that match every filter given (auditor role).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_after, _since, _until, _actor, _rpc, _gallery, _subject, _max, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var request = new QueryAuditRequest
        {
            AfterSequence = (ulong)(parsed.GetValue(_after) ?? 0),
            Since = parsed.GetValue(_since) is { } since ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(since) : null,
            Until = parsed.GetValue(_until) is { } until ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(until) : null,
            Actor = parsed.GetValue(_actor) ?? "",
            Rpc = parsed.GetValue(_rpc) ?? "",
            Gallery = parsed.GetValue(_gallery) ?? "",
            SubjectId = parsed.GetValue(_subject) ?? "",
            MaxRecords = (uint)(parsed.GetValue(_max) ?? 0),
        };
        using var connection = _connection.Open(parsed);

        var response = connection.Call(options => connection.Audit.QueryAudit(request, options));

        if (parsed.GetValue(_json))
        {
            foreach (var record in response.Records)
            {
                ServiceOutput.WriteJson(context.Output, record);
            }
            return 0;
        }
        foreach (var record in response.Records)
        {
            context.Output.WriteLine(Line(record));
        }
        if (response.More)
        {
            context.Output.WriteLine($"More records match: run again with --after {response.Records[^1].Sequence}.");
        }
        else if (response.Records.Count == 0)
        {
            context.Output.WriteLine("No audit record matches.");
        }
        return 0;
    }

    /// <summary>"12 2025-01-31T10:00:00Z station-042 (station, certificate) Identify outcome OK no match; galleries north; candidates north/P1".</summary>
    private static string Line(AuditRecord record)
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{record.Sequence} {record.Time.ToDateTimeOffset():yyyy-MM-ddTHH:mm:ss.fffZ} {record.Actor}"),
            $"({(record.Role.Length == 0 ? "no role" : record.Role)}, {record.Credential}) {record.Rpc.Split('/')[^1]} {record.Phase}",
        };
        if (record.Outcome.Length > 0)
        {
            parts.Add(record.Outcome);
        }
        var text = string.Join(" ", parts);
        if (record.Decision.Length > 0)
        {
            text += $" {record.Decision}";
        }
        if (record.Galleries.Count > 0)
        {
            text += $"; galleries {string.Join(", ", record.Galleries)}";
        }
        if (record.Subjects.Count > 0)
        {
            text += $"; subjects {string.Join(", ", record.Subjects.Select(Qualified))}";
        }
        if (record.Candidates.Count > 0)
        {
            text += $"; candidates {string.Join(", ", record.Candidates.Select(Qualified))}";
        }
        return record.Detail.Length > 0 ? $"{text}; {record.Detail}" : text;
    }

    private static string Qualified(AuditSubject subject) => subject.Gallery.Length == 0 ? subject.SubjectId : $"{subject.Gallery}/{subject.SubjectId}";

    private static long ParseSequence(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new CliUsageException($"--after must be a record's sequence number (0 or more), not '{text}'.");

    private static Option<DateTimeOffset?> Time(string name, string description) =>
        CliValues.Single<DateTimeOffset?>(name, "TIME", description, text =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time
                : throw new CliUsageException($"{name} must be a time such as 2025-01-31T08:00:00Z, not '{text}'."));

    private static Option<string?> Text(string name, string helpName, string description) => new(name) { Description = description, HelpName = helpName };
}
