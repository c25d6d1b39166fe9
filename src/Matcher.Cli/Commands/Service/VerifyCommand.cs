using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher verify`: 1:1 against an enrolled subject. Exit code 0 on a match, 3 when it does not match.</summary>
internal sealed class VerifyCommand : ICliCommand
{
    public string Name => "verify";

    public string Usage => $"verify --id ID [--gallery G] {SampleArguments.Usage} [--fmr RATE] [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var request = new VerifyRequest { SubjectId = arguments.RequireOption("id"), Gallery = GalleryOption.Read(arguments) };
        if (arguments.DoubleOption("fmr") is { } rate)
        {
            request.TargetFalseMatchRate = rate;
        }
        request.Samples = SampleArguments.Read(arguments);
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments);

        var response = connection.Call(options => connection.Matcher.Verify(request, options));

        if (json)
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
