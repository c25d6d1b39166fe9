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

    public string Name => "cache verify";

    public string Usage => "cache verify [--max-listed N] [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var maxListed = arguments.IntOption("max-listed") ?? 20;
        if (maxListed < 1)
        {
            throw new CliUsageException($"--max-listed must be at least 1, not {maxListed}.");
        }
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments, Deadline);

        var response = connection.Call(options => connection.Cache.VerifyCache(new VerifyCacheRequest { MaxListed = (uint)maxListed }, options));

        if (json)
        {
            ServiceOutput.WriteJson(output, response);
        }
        else
        {
            Write(output, response);
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
