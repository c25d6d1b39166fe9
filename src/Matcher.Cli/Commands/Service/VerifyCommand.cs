using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher verify`: 1:1 against an enrolled subject. Exit code 0 on a match, 3 when it does not match.</summary>
internal sealed class VerifyCommand : ICliCommand
{
    private readonly Option<string> _id = ServiceOptions.SubjectId();
    private readonly Option<string> _gallery = ServiceOptions.Gallery();
    private readonly SampleArguments _samples = new();
    private readonly Option<double?> _fmr = CliValues.Rate("--fmr",
        "Accepted chance that an impostor is accepted, which sets the threshold (default: the service's).");
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "verify";

    public string Description => "Compare a person's fingerprints and face with one enrolled subject (exit code 3 when they do not match).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_id, _gallery, .. _samples.Options, _fmr, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var request = new VerifyRequest { SubjectId = parsed.GetRequiredValue(_id), Gallery = parsed.GetRequiredValue(_gallery) };
        if (parsed.GetValue(_fmr) is { } rate)
        {
            request.TargetFalseMatchRate = rate;
        }
        request.Samples = _samples.Read(parsed);
        using var connection = _connection.Open(parsed);

        var response = connection.Call(options => connection.Matcher.Verify(request, options));

        var output = context.Output;
        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(output, response);
        }
        else
        {
            output.WriteLine(
                $"{(response.Match ? "MATCH" : "NO MATCH")}: {request.SubjectId} in gallery {request.Gallery}, threshold {ServiceOutput.Score(response.Threshold)}");
            output.WriteLine($"  {ServiceOutput.Scores(response.Result)}");
            ServiceOutput.WriteQuality(output, response.Quality);
            ServiceOutput.WriteTimings(output, response.Timings);
        }
        return response.Match ? 0 : ServiceOutput.NegativeDecision;
    }
}
