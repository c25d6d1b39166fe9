using Matcher.Security.Audit;
using Matcher.Server.Security.Options;

namespace Matcher.Server.Security.Audit;

/// <summary>The key new records are chained with, and every key (earlier rotations too) a verification accepts.</summary>
internal sealed record AuditKeys(AuditKey Current, IReadOnlyList<AuditKey> All)
{
    public static AuditKeys Load(AuditOptions options)
    {
        var current = AuditKey.Load(options.KeyFile!);
        return new AuditKeys(current, [current, .. options.PreviousKeyFiles.Select(AuditKey.Load)]);
    }
}
