using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Cache;

/// <summary>
/// `matcher cache verify`: the running server compares its local store with Redis subject by subject and lists the
/// differences. Exit code 0 when they agree, 3 when they differ (then `matcher cache rebuild` repairs Redis).
/// </summary>
internal sealed class CacheVerifyCommand : ICliCommand
{
    /// <summary>Reading every subject back from Redis takes about a minute per million subjects on a small machine.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    private const int DefaultMaxListed = 20;

    private readonly Option<int?> _maxListed = CliValues.WholeNumber("--max-listed",
        $"The most subjects listed for each kind of difference (default {DefaultMaxListed}).", minimum: 1);
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "cache verify";

    public string Description => "Compare the running service's local store with Redis and list the differences (exit code 3 when they differ).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_maxListed, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var request = new VerifyCacheRequest { MaxListed = (uint)(parsed.GetValue(_maxListed) ?? DefaultMaxListed) };
        using var connection = _connection.Open(parsed, Deadline);

        var response = connection.Call(options => connection.Cache.VerifyCache(request, options));

        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(context.Output, response);
        }
        else
        {
            Write(context.Output, response);
        }
        return response.Equal ? 0 : ServiceOutput.NegativeDecision;
    }

    private static void Write(TextWriter output, VerifyCacheResponse response)
    {
        output.WriteLine(response.Equal
            ? $"Redis matches the local store: {response.LocalSubjects} subject(s), log sequence {response.LocalSequence} (Redis at {response.RedisSequence})."
            : $"Redis DIFFERS from the local store: local {response.LocalSubjects} subject(s) at log sequence {response.LocalSequence}, " +
              $"Redis {response.RedisSubjects} at sequence {response.RedisSequence}.");
        WriteDifferences(output, "missing in Redis", response.MissingInRedisCount, response.MissingInRedis);
        WriteDifferences(output, "extra in Redis", response.ExtraInRedisCount, response.ExtraInRedis);
        WriteDifferences(output, "different bytes in Redis", response.DifferingCount, response.Differing);
        output.WriteLine($"mirror: {response.MirrorStatus}");
        if (!response.Equal)
        {
            output.WriteLine("Run 'matcher cache rebuild' to rewrite Redis from the local store.");
        }
    }

    private static void WriteDifferences(TextWriter output, string kind, ulong count, IReadOnlyCollection<CachedSubject> listed)
    {
        if (count == 0)
        {
            return;
        }
        var more = count > (ulong)listed.Count ? $", first {listed.Count} listed" : "";
        output.WriteLine($"  {kind}: {count}{more}");
        foreach (var subject in listed)
        {
            output.WriteLine($"    {subject.Gallery}/{subject.SubjectId}");
        }
    }
}
