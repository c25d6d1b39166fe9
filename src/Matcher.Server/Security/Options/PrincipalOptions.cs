namespace Matcher.Server.Security.Options;

/// <summary>What one client certificate may do: its role and, when restricted, the galleries it may touch.</summary>
public sealed class PrincipalOptions
{
    /// <summary>station, batch-operator, auditor or admin.</summary>
    public string Role { get; set; } = "";

    /// <summary>Galleries the principal may enroll into, search or read; empty means every gallery.</summary>
    public List<string> Galleries { get; set; } = [];
}
