using Matcher.Server.Security.Identity;

namespace Matcher.Server.Security.Authorization;

/// <summary>Who may call one RPC, and how the audit log records it.</summary>
internal sealed record RpcAccess(IReadOnlySet<Role> Roles, bool Anonymous, AuditKind Audit)
{
    /// <summary>Health probes: any caller, no identity, no audit record.</summary>
    public static RpcAccess Probe { get; } = new(new HashSet<Role>(), Anonymous: true, AuditKind.None);

    public static RpcAccess For(AuditKind audit, params Role[] roles) => new(roles.ToHashSet(), Anonymous: false, audit);
}

internal enum AuditKind
{
    /// <summary>Stateless utilities and probes: nothing about subjects to record.</summary>
    None,

    /// <summary>Reads and searches: one record, fsynced before the answer leaves.</summary>
    Read,

    /// <summary>Calls that may change data: a record before the call runs and one before the answer leaves.</summary>
    Change,
}
