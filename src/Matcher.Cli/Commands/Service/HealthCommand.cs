using System.CommandLine;
using Grpc.Health.V1;
using Matcher.Cli.CommandLine;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// `matcher health`: asks grpc.health.v1 whether the service (or one named service) is serving; exit code 0 when it
/// is, 1 otherwise. Short deadline, because container health checks run it on a timer and kill slow probes.
/// </summary>
internal sealed class HealthCommand : ICliCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly Option<string?> _service = new("--service")
    {
        Description = "One service to ask about, such as redis; the whole server when not given.",
        HelpName = "NAME",
    };
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "health";

    public string Description => "Ask whether the service is serving (exit code 1 when it is not).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_service, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var request = new HealthCheckRequest { Service = parsed.GetValue(_service) ?? "" };
        using var connection = _connection.Open(parsed, Deadline);

        var response = connection.Call(options => connection.Health.Check(request, options));

        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(context.Output, response);
        }
        else
        {
            context.Output.WriteLine($"{connection.Address}: {response.Status}");
        }
        return response.Status == ServingStatus.Serving ? 0 : 1;
    }
}
