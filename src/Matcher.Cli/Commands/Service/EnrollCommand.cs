using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// `matcher enroll`: adds a person to a gallery, after a duplicate search unless --mode insert. Exit code 0 when
/// enrolled, 3 when a duplicate was found and nothing was enrolled (--mode unique, the default). A station that may
/// retry passes --request-id: the service answers a retry with the original response and never enrolls twice.
/// </summary>
internal sealed class EnrollCommand : ICliCommand
{
    public string Name => "enroll";

    public string Usage => $"enroll --id ID [--gallery G] {SampleArguments.Usage} [--mode unique|report|insert] [--request-id ID] [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var request = new EnrollRequest
        {
            SubjectId = arguments.RequireOption("id"),
            Gallery = GalleryOption.Read(arguments),
            DedupMode = ParseMode(arguments.Option("mode") ?? "unique"),
            RequestId = arguments.Option("request-id") ?? "",
        };
        request.Samples = SampleArguments.Read(arguments);
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments);

        var response = connection.Call(options => connection.Matcher.Enroll(request, options));

        if (json)
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
