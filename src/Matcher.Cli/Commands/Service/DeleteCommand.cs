using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher delete`: removes an enrolled subject; with --json the deleted subject is echoed as JSON.</summary>
internal sealed class DeleteCommand : ICliCommand
{
    private readonly Option<string> _id = ServiceOptions.SubjectId();
    private readonly Option<string> _gallery = ServiceOptions.Gallery();
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "delete";

    public string Description => "Remove an enrolled subject from the service.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_id, _gallery, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var request = new DeleteRequest { SubjectId = parsed.GetRequiredValue(_id), Gallery = parsed.GetRequiredValue(_gallery) };
        using var connection = _connection.Open(parsed);

        connection.Call(options => connection.Matcher.Delete(request, options));

        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(context.Output, request);
        }
        else
        {
            context.Output.WriteLine($"{request.SubjectId}: deleted from gallery {request.Gallery}");
        }
        return 0;
    }
}
