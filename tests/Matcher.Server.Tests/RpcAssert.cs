using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace Matcher.Server.Tests;

internal static class RpcAssert
{
    /// <summary>Asserts the call fails with the given status, set by the transport (no reason code of the service).</summary>
    public static async Task FailsWithStatus(StatusCode code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);

    /// <summary>Asserts the call fails with the given status and reason code; returns the rich status for more checks.</summary>
    public static async Task<Google.Rpc.Status> FailsWith(StatusCode code, string reason, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(exception.Status.Detail));
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal(reason, status.GetDetail<ErrorInfo>()?.Reason);
        return status;
    }
}
