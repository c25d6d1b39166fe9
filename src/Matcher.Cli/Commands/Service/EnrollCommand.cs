using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// `matcher enroll`: adds a person to a gallery, after a duplicate search unless --mode insert. Exit code 0 when
/// enrolled, 3 when a duplicate was found and nothing was enrolled (--mode unique, the default). A station that may
/// retry passes --request-id: the service answers a retry with the original response and never enrolls twice.
/// </summary>
internal sealed class EnrollCommand : ICliCommand
{
    private readonly Option<string> _id = ServiceOptions.SubjectId();
    private readonly Option<string> _gallery = ServiceOptions.Gallery();
    private readonly SampleArguments _samples = new();
    private readonly Option<DedupMode?> _mode = CliValues.Single<DedupMode?>("--mode", "unique|report|insert",
        "unique (the default): enroll only when no duplicate is found; report: enroll and list candidates; insert: no search.", text => ParseMode(text));
    private readonly Option<string?> _requestId = new("--request-id")
    {
        Description = "An id the station keeps for this enrollment: a retry with the same id gets the original answer.",
        HelpName = "ID",
    };
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "enroll";

    public string Description => "Enroll a person's fingerprints and face, after a search for duplicates (exit code 3 when one is found).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_id, _gallery, .. _samples.Options, _mode, _requestId, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var request = new EnrollRequest
        {
            SubjectId = parsed.GetRequiredValue(_id),
            Gallery = parsed.GetRequiredValue(_gallery),
            DedupMode = parsed.GetValue(_mode) ?? DedupMode.InsertIfUnique,
            RequestId = parsed.GetValue(_requestId) ?? "",
            Samples = _samples.Read(parsed),
        };
        using var connection = _connection.Open(parsed);

        var response = connection.Call(options => connection.Matcher.Enroll(request, options));

        var output = context.Output;
        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(output, response);
        }
        else
        {
            output.WriteLine(Headline(request, response));
            output.WriteLine($"threshold {ServiceOutput.Score(response.Threshold)}");
            ServiceOutput.WriteCandidates(output, response.Candidates);
            ServiceOutput.WriteQuality(output, response.Quality);
            ServiceOutput.WriteTimings(output, response.Timings);
        }
        return response.Outcome == EnrollOutcome.DuplicateFound ? ServiceOutput.NegativeDecision : 0;
    }

    private static DedupMode ParseMode(string text) => text switch
    {
        "unique" => DedupMode.InsertIfUnique,
        "report" => DedupMode.InsertAndReport,
        "insert" => DedupMode.InsertOnly,
        _ => throw new CliUsageException($"--mode must be unique (enroll only when no duplicate is found), report (enroll and list candidates) or insert (no search), not '{text}'."),
    };

    private static string Headline(EnrollRequest request, EnrollResponse response) => response.Outcome switch
    {
        EnrollOutcome.Enrolled => $"{request.SubjectId}: enrolled in gallery {request.Gallery}, no duplicate found",
        EnrollOutcome.EnrolledWithCandidates => $"{request.SubjectId}: enrolled in gallery {request.Gallery}; {response.Candidates.Count} possible duplicate(s) reported",
        EnrollOutcome.DuplicateFound => $"{request.SubjectId}: NOT enrolled, possible duplicate of {response.Candidates.Count} enrolled subject(s)",
        _ => $"{request.SubjectId}: outcome {response.Outcome}",
    };
}
