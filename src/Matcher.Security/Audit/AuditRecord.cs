namespace Matcher.Security.Audit;

/// <summary>
/// One entry of the audit log: who called which RPC, when, from where, on which galleries and subjects, and what came
/// of it. It never holds images, templates, embeddings or scores: the decision and the candidates' ids are enough to
/// answer "who searched whom and what did they learn".
/// </summary>
public sealed record AuditRecord
{
    /// <summary>Position in the chain, from 1; assigned by <see cref="AuditTrail"/>.</summary>
    public long Sequence { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>The node that served the call.</summary>
    public required string Host { get; init; }

    /// <summary>Certificate subject common name or token subject; "unauthenticated" when neither was proven.</summary>
    public required string Actor { get; init; }

    /// <summary>How the actor was proven: certificate, token, or none.</summary>
    public required string Credential { get; init; }

    /// <summary>The actor's role, empty when it has none.</summary>
    public required string Role { get; init; }

    /// <summary>The gRPC full method name, for example /matcher.v1.Matcher/Enroll.</summary>
    public required string Rpc { get; init; }

    public required AuditPhase Phase { get; init; }

    /// <summary>The gRPC status code name of an outcome (OK, PERMISSION_DENIED...); empty for an attempt.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>What the call decided, for example DUPLICATE_FOUND or match; empty when it decides nothing.</summary>
    public string Decision { get; init; } = "";

    public IReadOnlyList<string> Galleries { get; init; } = [];

    public IReadOnlyList<AuditSubject> Subjects { get; init; } = [];

    public IReadOnlyList<AuditSubject> Candidates { get; init; } = [];

    /// <summary>Counts and similar facts of calls that touch many subjects (imports, rebuilds).</summary>
    public string Detail { get; init; } = "";

    /// <summary>The caller's network address as the server saw it.</summary>
    public string Peer { get; init; } = "";
}

/// <summary>A subject named by a call; the gallery is empty when the call named subject ids across galleries.</summary>
public readonly record struct AuditSubject(string Gallery, string SubjectId);

public enum AuditPhase
{
    /// <summary>Written and fsynced before a call that may change data runs, so no change escapes the record.</summary>
    Attempt,

    /// <summary>Written and fsynced before the answer leaves the server.</summary>
    Outcome,

    /// <summary>Subjects a streaming call has read so far, written as it goes so one record stays small.</summary>
    Progress,
}
