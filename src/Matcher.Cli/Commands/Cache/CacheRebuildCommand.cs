using System.CommandLine;
using System.Globalization;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Cache;

/// <summary>
/// `matcher cache rebuild`: the running server rewrites Redis from its local store (the source of truth) while it
/// keeps serving; changes made meanwhile are mirrored after the rebuild.
/// </summary>
internal sealed class CacheRebuildCommand : ICliCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(30);

    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "cache rebuild";

    public string Description => "Have the running service rewrite Redis from its local store while it keeps serving.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [.. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        using var connection = _connection.Open(parsed, Deadline);

        var response = connection.Call(options => connection.Cache.RebuildCache(new RebuildCacheRequest(), options));

        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(context.Output, response);
        }
        else
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Redis rebuilt from the local store: {response.SubjectsWritten} subject(s) through log sequence {response.Sequence} in {response.Seconds:0.0} s."));
        }
        return 0;
    }
}
