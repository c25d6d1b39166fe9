using System.Globalization;
using System.Security.Authentication;
using System.Text;
using Google.Rpc;
using Grpc.Core;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// A failed call as one line an operator can act on, "&lt;StatusCode&gt; &lt;reason&gt;: &lt;message&gt;", followed by
/// the request fields the service rejected. Failures that never reached the service get a message saying so.
/// </summary>
internal static class RpcErrorText
{
    public static string Describe(RpcException exception, string address, TimeSpan deadline)
    {
        var status = exception.GetRpcStatus();
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        var message = reason is null ? TransportMessage(exception, address, deadline) : exception.Status.Detail;
        var text = new StringBuilder(reason is null ? $"{exception.StatusCode}: {message}" : $"{exception.StatusCode} {reason}: {message}");
        foreach (var violation in status?.GetDetail<BadRequest>()?.FieldViolations ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  field {violation.Field}");
            if (violation.Description != message)
            {
                text.Append(CultureInfo.InvariantCulture, $": {violation.Description}");
            }
        }
        return text.ToString();
    }

    /// <summary>Statuses without a reason come from the transport or the client, not from the service's own checks.</summary>
    private static string TransportMessage(RpcException exception, string address, TimeSpan deadline) => exception.StatusCode switch
    {
        _ when Causes(exception).Any(e => e is AuthenticationException) =>
            $"no trusted TLS connection to {address} ({Cause(exception)}). Give --ca-file with the authority that issued the service's " +
            "certificate, and check that the address names the service as its certificate does.",
        StatusCode.Unavailable =>
            $"cannot reach the Matcher service at {address} ({Cause(exception)}). Is it running? Start it with ./scripts/run.sh, " +
            $"or point --server or {ServiceConnection.EnvironmentVariable} at it.",
        StatusCode.DeadlineExceeded =>
            $"no answer from {address} within {deadline.TotalSeconds:0} s. A request that changes data may still have " +
            "been carried out: check with 'matcher subject' before retrying.",
        _ => exception.Status.Detail,
    };

    private static string Cause(RpcException exception) => Causes(exception).LastOrDefault()?.Message ?? exception.Status.Detail;

    private static IEnumerable<Exception> Causes(RpcException exception)
    {
        for (var cause = exception.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
