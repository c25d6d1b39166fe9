using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher delete`: removes an enrolled subject; with --json the deleted subject is echoed as JSON.</summary>
internal sealed class DeleteCommand : ICliCommand
{
    public string Name => "delete";

    public string Usage => "delete --id ID [--gallery G] [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var request = new DeleteRequest { SubjectId = arguments.RequireOption("id"), Gallery = GalleryOption.Read(arguments) };
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments);

        connection.Call(options => connection.Matcher.Delete(request, options));

        if (json)
        {
            ServiceOutput.WriteJson(output, request);
        }
        else
        {
            output.WriteLine($"{request.SubjectId}: deleted from gallery {request.Gallery}");
        }
        return 0;
    }
}
