using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher identify`: 1:N search of one or more galleries (all when none is named), best candidate first.</summary>
internal sealed class IdentifyCommand : ICliCommand
{
    private readonly Option<IReadOnlyList<string>> _galleries = CliValues.Repeated("--gallery", "G",
        "A gallery to search, repeatable; every gallery when not given.", gallery => gallery);
    private readonly SampleArguments _samples = new();
    private readonly Option<int?> _max = CliValues.WholeNumber("--max", "The most candidates to return (default: the service's).", minimum: 1);
    private readonly Option<double?> _fpir = CliValues.Rate("--fpir",
        "Accepted chance that a search names a wrong person, which sets the threshold (default: the service's).");
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "identify";

    public string Description => "Search the enrolled subjects for a person's fingerprints and face, best candidate first.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_galleries, .. _samples.Options, _max, _fpir, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var search = new SearchOptions();
        if (parsed.GetValue(_max) is { } max)
        {
            search.MaxCandidates = (uint)max;
        }
        if (parsed.GetValue(_fpir) is { } rate)
        {
            search.TargetFalsePositiveIdentificationRate = rate;
        }
        var request = new IdentifyRequest { Galleries = { parsed.GetValue(_galleries) ?? [] }, Search = search, Samples = _samples.Read(parsed) };
        using var connection = _connection.Open(parsed);

        var response = connection.Call(options => connection.Matcher.Identify(request, options));

        var output = context.Output;
        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(output, response);
            return 0;
        }
        output.WriteLine(
            $"{response.Candidates.Count} candidate(s) at or above threshold {ServiceOutput.Score(response.Threshold)}, {response.SearchedSubjects} subject(s) searched");
        ServiceOutput.WriteCandidates(output, response.Candidates);
        ServiceOutput.WriteQuality(output, response.Quality);
        ServiceOutput.WriteTimings(output, response.Timings);
        return 0;
    }
}
