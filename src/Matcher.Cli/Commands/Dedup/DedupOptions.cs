using System.CommandLine;

namespace Matcher.Cli.Commands.Dedup;

/// <summary>Options the dedup commands share.</summary>
internal static class DedupOptions
{
    public static Argument<string> JobId() => new("JOB") { Description = "The job id, as `matcher dedup start` printed it (dedup-000001)." };
}
