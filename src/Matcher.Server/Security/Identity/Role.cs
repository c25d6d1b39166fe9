namespace Matcher.Server.Security.Identity;

/// <summary>What a caller is there for; every RPC is open to the roles <see cref="Authorization.RpcAccessTable"/> names.</summary>
public enum Role
{
    /// <summary>An enrollment station: enroll with duplicate check, verify and identify in its galleries.</summary>
    Station,

    /// <summary>Bulk import and batch dedup jobs.</summary>
    BatchOperator,

    /// <summary>Reads and verifies the audit log, and nothing else.</summary>
    Auditor,

    /// <summary>Deletes subjects, administers the warm cache and reads the node's configuration (reflection, stats).</summary>
    Admin,
}

public static class Roles
{
    private static readonly Dictionary<string, Role> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["station"] = Role.Station,
        ["batch-operator"] = Role.BatchOperator,
        ["auditor"] = Role.Auditor,
        ["admin"] = Role.Admin,
    };

    /// <summary>The names used in options and in tokens' role claim.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out Role role) => ByName.TryGetValue(name ?? "", out role);

    public static string Name(Role role) => ByName.First(pair => pair.Value == role).Key;
}
