using System.Globalization;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher stats`: how many subjects and templates the service holds, per gallery, and its memory.</summary>
internal sealed class StatsCommand : ICliCommand
{
    public string Name => "stats";

    public string Usage => "stats [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments);

        var response = connection.Call(options => connection.Matcher.GetStats(new GetStatsRequest(), options));

        if (json)
        {
            ServiceOutput.WriteJson(output, response);
            return 0;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{response.Subjects} subject(s): {response.FingerprintTemplates} fingerprint template(s), {response.FaceEmbeddings} face embedding(s); " +
            $"{response.Shards} shard(s), {response.MemoryBytes / (1024.0 * 1024.0):0.0} MiB in memory"));
        foreach (var gallery in response.Galleries)
        {
            output.WriteLine($"  {gallery.Gallery}: {gallery.Subjects}");
        }
        if (response.FaceModelId.Length > 0)
        {
            output.WriteLine($"face model: {response.FaceModelId}");
        }
        return 0;
    }
}
