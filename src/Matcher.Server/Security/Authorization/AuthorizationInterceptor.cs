using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Matcher.Server.Security.Identity;

namespace Matcher.Server.Security.Authorization;

/// <summary>
/// Refuses, before anything runs, a call whose RPC is not open to the caller's role (<see cref="RpcAccessTable"/>),
/// a call without a proven identity (UNAUTHENTICATED) and a request naming a gallery the caller may not touch
/// (PERMISSION_DENIED). Health probes pass without identity.
/// </summary>
internal sealed class AuthorizationInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Authorize(context, request);
        var response = await continuation(request, context);
        if (caller is not null && response is IMessage message)
        {
            GalleryAccess.Filter(message, caller);
        }
        return response;
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context, request: null);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context, request);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context, request: null);
        return continuation(requestStream, responseStream, context);
    }

    /// <summary>The caller allowed to go on (null for a probe); throws the refusal otherwise.</summary>
    private static Caller? Authorize(ServerCallContext context, object? request)
    {
        if (RpcAccessTable.Find(context.Method) is not { } access)
        {
            throw SecurityRefusal.PermissionDenied(SecurityRefusal.UnlistedReason, $"{context.Method} is not open to any caller on this node.");
        }
        if (access.Anonymous)
        {
            return null;
        }
        var identification = CallerIdentification.Of(context);
        if (identification.Caller is not { } caller)
        {
            throw SecurityRefusal.Unauthenticated(identification.Failure!);
        }
        if (caller.Role is not { } role || !access.Roles.Contains(role))
        {
            var who = caller.Role is null ? $"{caller.Name} has no role on this node" : $"{caller.Name} is a {caller.RoleName}";
            throw SecurityRefusal.PermissionDenied(SecurityRefusal.RoleReason,
                $"{who}; {context.Method} is open to: {string.Join(", ", access.Roles.Order().Select(Roles.Name))}.");
        }
        if (request is IMessage message)
        {
            try
            {
                GalleryAccess.Apply(message, caller);
            }
            catch (GalleryDeniedException denied)
            {
                throw SecurityRefusal.PermissionDenied(SecurityRefusal.GalleryReason, denied.Message);
            }
        }
        return caller;
    }
}
