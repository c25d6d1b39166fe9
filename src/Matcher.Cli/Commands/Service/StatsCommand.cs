using System.CommandLine;
using System.Globalization;
using Matcher.Cli.CommandLine;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher stats`: how many subjects and templates the service holds, per gallery, and its memory.</summary>
internal sealed class StatsCommand : ICliCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "stats";

    public string Description => "Count the subjects, templates and embeddings the service holds, per gallery.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [.. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        using var connection = _connection.Open(parsed);

        var response = connection.Call(options => connection.Matcher.GetStats(new GetStatsRequest(), options));

        var output = context.Output;
        if (parsed.GetValue(_json))
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
