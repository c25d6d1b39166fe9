using Grpc.Core;

namespace Matcher.Server.Errors;

/// <summary>A request that is well-formed but cannot be served as asked (unknown subject, id already taken...).</summary>
internal sealed class RequestFailedException(StatusCode code, string reason, string message) : Exception(message)
{
    public StatusCode Code { get; } = code;

    public string Reason { get; } = reason;

    public static RequestFailedException NotFound(string reason, string message) => new(StatusCode.NotFound, reason, message);

    public static RequestFailedException AlreadyExists(string reason, string message) =>
        new(StatusCode.AlreadyExists, reason, message);

    public static RequestFailedException FailedPrecondition(string reason, string message) =>
        new(StatusCode.FailedPrecondition, reason, message);
}
