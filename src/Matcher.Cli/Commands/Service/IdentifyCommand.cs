using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher identify`: 1:N search of one or more galleries (all when none is named), best candidate first.</summary>
internal sealed class IdentifyCommand : ICliCommand
{
    public string Name => "identify";

    public string Usage => $"identify [--gallery G]... {SampleArguments.Usage} [--max N] [--fpir RATE] [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var request = new IdentifyRequest { Galleries = { arguments.Options("gallery") }, Search = SearchOptionsOf(arguments) };
        request.Samples = SampleArguments.Read(arguments);
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments);

        var response = connection.Call(options => connection.Matcher.Identify(request, options));

        if (json)
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

    private static SearchOptions SearchOptionsOf(CliArguments arguments)
    {
        var search = new SearchOptions();
        if (arguments.IntOption("max") is { } max)
        {
            search.MaxCandidates = max >= 1 ? (uint)max : throw new CliUsageException($"--max must be at least 1, not {max}.");
        }
        if (arguments.DoubleOption("fpir") is { } rate)
        {
            search.TargetFalsePositiveIdentificationRate = rate;
        }
        return search;
    }
}
