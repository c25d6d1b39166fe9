using Grpc.Health.V1;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// `matcher health`: asks grpc.health.v1 whether the service (or one named service) is serving; exit code 0 when it
/// is, 1 otherwise. Short deadline, because container health checks run it on a timer and kill slow probes.
/// </summary>
internal sealed class HealthCommand : ICliCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public string Name => "health";

    public string Usage => "health [--service NAME] [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var request = new HealthCheckRequest { Service = arguments.Option("service") ?? "" };
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments, Deadline);

        var response = connection.Call(options => connection.Health.Check(request, options));

        if (json)
        {
            ServiceOutput.WriteJson(output, response);
        }
        else
        {
            output.WriteLine($"{connection.Address}: {response.Status}");
        }
        return response.Status == ServingStatus.Serving ? 0 : 1;
    }
}
