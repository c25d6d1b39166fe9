namespace Matcher.Core.Errors;

/// <summary>Why a well-formed request cannot be served as asked; the service maps each kind to one gRPC status.</summary>
public enum Refusal
{
    /// <summary>The subject, gallery or job named does not exist (gRPC NotFound).</summary>
    NotFound,

    /// <summary>What the request would create exists already (gRPC AlreadyExists).</summary>
    AlreadyExists,

    /// <summary>The service is not in a state to do it: nothing to compare, a feature not configured (gRPC FailedPrecondition).</summary>
    FailedPrecondition,

    /// <summary>A dependency the request needs cannot be reached now; a retry later may succeed (gRPC Unavailable).</summary>
    Unavailable,
}

/// <summary>
/// A request that is well-formed but cannot be served as asked (unknown subject, id already taken...), worded for a
/// station operator, with a stable machine-readable reason code such as "subject.not_found".
/// </summary>
public sealed class RequestRefusedException(Refusal refusal, string reason, string message) : Exception(message)
{
    public Refusal Refusal { get; } = refusal;

    public string Reason { get; } = reason;

    public static RequestRefusedException NotFound(string reason, string message) => new(Refusal.NotFound, reason, message);

    public static RequestRefusedException AlreadyExists(string reason, string message) => new(Refusal.AlreadyExists, reason, message);

    public static RequestRefusedException FailedPrecondition(string reason, string message) =>
        new(Refusal.FailedPrecondition, reason, message);

    public static RequestRefusedException Unavailable(string reason, string message) => new(Refusal.Unavailable, reason, message);
}
