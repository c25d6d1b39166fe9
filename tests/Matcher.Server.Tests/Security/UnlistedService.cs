using Grpc.Core;

namespace Matcher.Server.Tests.Security;

/// <summary>
/// A gRPC service no access table lists, bound by hand (no .proto), to prove such RPCs are closed by default. Its
/// method is virtual and the class unsealed because grpc-dotnet binds only methods declared on the bound type.
/// </summary>
[BindServiceMethod(typeof(UnlistedService), nameof(BindService))]
public class UnlistedService
{
    public static readonly Method<byte[], byte[]> TouchMethod =
        new(MethodType.Unary, "matcher.test.Unlisted", nameof(Touch), Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

    private static int s_touched;

    /// <summary>How often any instance ran, across the process (services are created per call).</summary>
    public static int Touched => Volatile.Read(ref s_touched);

    public virtual Task<byte[]> Touch(byte[] request, ServerCallContext context)
    {
        Interlocked.Increment(ref s_touched);
        return Task.FromResult(request);
    }

    public static void BindService(ServiceBinderBase binder, UnlistedService? service) =>
        binder.AddMethod(TouchMethod, service is null ? null : service.Touch);
}
