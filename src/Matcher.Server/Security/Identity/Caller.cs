namespace Matcher.Server.Security.Identity;

/// <summary>
/// Who is calling, as proven by a client certificate or a bearer token: the name audit records carry, the role that
/// opens RPCs, and the galleries the caller may touch (null: every gallery).
/// </summary>
public sealed record Caller(string Name, string Credential, Role? Role, IReadOnlySet<string>? Galleries)
{
    public const string CertificateCredential = "certificate";
    public const string TokenCredential = "token";
    public const string NoCredential = "none";

    /// <summary>Mode none: the local host, trusted with everything as before identities existed.</summary>
    public static Caller Local { get; } = new("local", NoCredential, null, null);

    public string RoleName => Role is { } role ? Roles.Name(role) : "";

    public bool MayTouch(string gallery) => Galleries is null || Galleries.Contains(gallery);
}

/// <summary>The result of identifying a call: a caller, or why none could be proven (for UNAUTHENTICATED).</summary>
public sealed record Identification(Caller? Caller, string? Failure)
{
    public static Identification Of(Caller caller) => new(caller, null);

    public static Identification Failed(string failure) => new(null, failure);
}
