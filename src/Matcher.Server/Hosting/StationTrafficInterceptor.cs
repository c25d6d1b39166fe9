using Grpc.Core;
using Grpc.Core.Interceptors;
using Matcher.Jobs.Running;

namespace Matcher.Server.Hosting;

/// <summary>Counts the station requests in flight, which background jobs wait for: stations keep priority on the cores.</summary>
internal sealed class StationTrafficInterceptor(StationTraffic traffic) : Interceptor
{
    private static readonly HashSet<string> StationMethods =
    [
        "/matcher.v1.Matcher/Enroll",
        "/matcher.v1.Matcher/Verify",
        "/matcher.v1.Matcher/Identify",
        "/matcher.v1.Matcher/Delete",
    ];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!StationMethods.Contains(context.Method))
        {
            return await continuation(request, context);
        }
        using (traffic.Enter())
        {
            return await continuation(request, context);
        }
    }
}
