using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Dedup;

/// <summary>`matcher dedup start --gallery G`: queues an N:N dedup job (or a merge check with --against) on the running service.</summary>
internal sealed class DedupStartCommand : ICliCommand
{
    private readonly Option<string> _gallery = ServiceOptions.Gallery();
    private readonly Option<string?> _against = new("--against")
    {
        Description = "A merge check: search every subject of --gallery in this other gallery only.",
        HelpName = "G",
    };
    private readonly Option<string> _modalities = new Option<string>("--modalities")
    {
        Description = "What to compare: all (fingerprints and face, fused), fingerprints or face.",
        HelpName = "M",
        DefaultValueFactory = _ => "all",
    }.AcceptOnlyFromAmong("all", "fingerprints", "face");
    private readonly Option<double?> _rate = CliValues.Rate("--fpir",
        "Accepted chance per searched subject that a wrong subject is reported as its duplicate (default: the service's).");
    private readonly Option<int?> _maxCandidates = CliValues.WholeNumber("--max-candidates",
        "Most candidates kept per subject (default 20): a person registered k times needs k - 1.", minimum: 1, maximum: 1000);
    private readonly Option<string?> _requestId = new("--request-id")
    {
        Description = "Makes the start safe to retry: the same id returns the job it started.",
        HelpName = "ID",
    };
    private readonly Option<string?> _label = new("--label") { Description = "Free text shown in listings, such as the legacy source.", HelpName = "TEXT" };
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "dedup start";

    public string Description => "Queue a batch dedup job: every subject of a gallery searched against the gallery (or another one).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_gallery, _against, _modalities, _rate, _maxCandidates, _requestId, _label, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var request = new StartDedupJobRequest
        {
            Gallery = parsed.GetRequiredValue(_gallery),
            AgainstGallery = parsed.GetValue(_against) ?? "",
            Modalities = parsed.GetRequiredValue(_modalities) switch
            {
                "fingerprints" => JobModalities.Fingerprints,
                "face" => JobModalities.Face,
                _ => JobModalities.All,
            },
            MaxCandidatesPerSubject = (uint)(parsed.GetValue(_maxCandidates) ?? 0),
            RequestId = parsed.GetValue(_requestId) ?? "",
            Label = parsed.GetValue(_label) ?? "",
        };
        if (parsed.GetValue(_rate) is { } rate)
        {
            request.TargetFalsePositiveIdentificationRate = rate;
        }
        using var connection = _connection.Open(parsed);
        var response = connection.Call(options => connection.Jobs.StartDedupJob(request, options));
        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(context.Output, response);
            return 0;
        }
        context.Output.WriteLine(response.Existing ? $"{response.JobId} (started before with this request id)" : response.JobId);
        context.Output.WriteLine(DedupOutput.Line(response.Status));
        context.Output.WriteLine(DedupOutput.Definition(response.Status));
        return 0;
    }
}
