using Google.Rpc;
using Matcher.Core.Errors;
using Matcher.Server.Security.Authorization;

namespace Matcher.Server.Errors;

/// <summary>
/// How the contract reports an expected failure: a status code, a stable reason, an operator's message and, for a bad
/// field, the field. One mapping serves whole calls (the interceptor) and single subjects of an import.
/// </summary>
internal sealed record FailureStatus(Code Code, string Reason, string Message, string? Field)
{
    public const string InternalMessage = "The server failed unexpectedly; nothing was changed. Operations staff can find the error in the server log.";

    public static FailureStatus Internal { get; } = new(Code.Internal, "server.internal", InternalMessage, null);

    /// <summary>Null for an exception no input explains (a bug or a broken disk), which must not reach the caller as it is.</summary>
    public static FailureStatus? Of(Exception exception) => exception switch
    {
        InvalidRequestException invalid => new(Code.InvalidArgument, "request.invalid_field", invalid.Message, invalid.Field),
        BiometricInputException input => new(input.Problem switch
        {
            InputProblem.TooLarge => Code.ResourceExhausted,
            InputProblem.Unusable => Code.FailedPrecondition,
            _ => Code.InvalidArgument,
        }, input.ReasonCode, input.Message, null),
        RequestRefusedException refused => new(refused.Refusal switch
        {
            Refusal.NotFound => Code.NotFound,
            Refusal.AlreadyExists => Code.AlreadyExists,
            Refusal.Unavailable => Code.Unavailable,
            _ => Code.FailedPrecondition,
        }, refused.Reason, refused.Message, null),
        GalleryDeniedException denied => new(Code.PermissionDenied, SecurityRefusal.GalleryReason, denied.Message, null),
        _ => null,
    };
}
