using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Dedup;

/// <summary>`matcher dedup list`: every job the service knows, newest first.</summary>
internal sealed class DedupListCommand : ICliCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "dedup list";

    public string Description => "List the dedup jobs of the service, newest first, with their state and progress.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [.. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        using var connection = _connection.Open(parsed);
        var response = connection.Call(options => connection.Jobs.ListJobs(new ListJobsRequest(), options));
        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(context.Output, response);
            return 0;
        }
        if (response.Jobs.Count == 0)
        {
            context.Output.WriteLine("no jobs");
        }
        foreach (var job in response.Jobs)
        {
            context.Output.WriteLine(DedupOutput.Line(job));
            context.Output.WriteLine($"  {DedupOutput.Definition(job)}");
        }
        return 0;
    }
}
