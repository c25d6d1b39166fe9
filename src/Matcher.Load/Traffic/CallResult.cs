using Grpc.Core;

namespace Matcher.Load.Traffic;

/// <summary>What a planted answer said about accuracy.</summary>
public enum MateCheck
{
    /// <summary>The call failed: no answer to check.</summary>
    None,

    /// <summary>The planted mate was named (identify, duplicate enrollment) or matched (verify).</summary>
    Found,

    /// <summary>The planted mate was not named, or verify said no match.</summary>
    Missed,

    /// <summary>A new applicant was enrolled with no candidate, as expected.</summary>
    NewEnrolled,

    /// <summary>A new applicant was reported as a possible duplicate of someone enrolled: a false alarm.</summary>
    NewFlagged,
}

/// <summary>
/// One answered (or failed) call: the outcome in the words the service's metrics use (enrolled, duplicate_found,
/// candidates, match ...; for a failure the class refused / cancelled / error), its gRPC status, and the accuracy check.
/// </summary>
/// <param name="Margin">Score of the planted mate minus the threshold, when it was found.</param>
/// <param name="OtherCandidates">Candidates in the answer that are not the planted mate.</param>
/// <param name="MissedSubject">The planted subject that was missed, so an operator can look it up.</param>
public sealed record CallResult(
    LoadRpc Rpc,
    string Outcome,
    StatusCode Code,
    MateCheck Check,
    double? Margin = null,
    int OtherCandidates = 0,
    string? MissedSubject = null)
{
    /// <summary>The same classes as the service's RPC interceptor, so client and server counts compare one to one.</summary>
    public static string FailureOutcome(StatusCode code) => code switch
    {
        StatusCode.Cancelled or StatusCode.DeadlineExceeded => "cancelled",
        StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.AlreadyExists or StatusCode.PermissionDenied
            or StatusCode.Unauthenticated or StatusCode.FailedPrecondition or StatusCode.ResourceExhausted or StatusCode.OutOfRange => "refused",
        _ => "error",
    };

    public static CallResult Failed(LoadRpc rpc, StatusCode code) => new(rpc, FailureOutcome(code), code, MateCheck.None);
}
