using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Matcher.Server.Tests.Security;

/// <summary>Every RPC a running node serves, found from its endpoints, and a way to call any of them with an empty message.</summary>
internal static class AnyRpc
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static IReadOnlyList<IMethod> Served(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .OfType<IMethod>()
            .DistinctBy(m => m.FullName)
            .ToList();

    /// <summary>The status a call of <paramref name="method"/> with an empty request (a valid encoding of every message) ends with.</summary>
    public static async Task<RpcException?> CallEmpty(CallInvoker calls, IMethod method)
    {
        var raw = new Method<byte[], byte[]>(method.Type, method.ServiceName, method.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddMinutes(1), cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    await calls.AsyncUnaryCall(raw, null, options, []);
                    break;
                case MethodType.ClientStreaming:
                    using (var call = calls.AsyncClientStreamingCall(raw, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call;
                    }
                    break;
                case MethodType.ServerStreaming:
                    using (var call = calls.AsyncServerStreamingCall(raw, null, options, []))
                    {
                        while (await call.ResponseStream.MoveNext(options.CancellationToken))
                        {
                        }
                    }
                    break;
                default:
                    using (var call = calls.AsyncDuplexStreamingCall(raw, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        while (await call.ResponseStream.MoveNext(options.CancellationToken))
                        {
                        }
                    }
                    break;
            }
            return null;
        }
        catch (RpcException refused)
        {
            return refused;
        }
    }
}
