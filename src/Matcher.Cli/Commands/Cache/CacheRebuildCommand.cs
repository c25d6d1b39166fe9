using System.Globalization;
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

    public string Name => "cache rebuild";

    public string Usage => "cache rebuild [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments, Deadline);

        var response = connection.Call(options => connection.Cache.RebuildCache(new RebuildCacheRequest(), options));

        if (json)
        {
            ServiceOutput.WriteJson(output, response);
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Redis rebuilt from the local store: {response.SubjectsWritten} subject(s) through log sequence {response.Sequence} in {response.Seconds:0.0} s."));
        }
        return 0;
    }
}
