using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Matcher.Server.Errors;

/// <summary>
/// Turns every failure into one precise gRPC status with google.rpc details (BadRequest for bad fields, ErrorInfo with
/// a stable reason code), so that services stay free of status plumbing. Unexpected exceptions become Internal with
/// a generic message: their text may contain data that must not leave the server, and they are logged without it.
/// </summary>
internal sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    private const string Domain = "matcher.v1";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    /// <summary>Logs what no input explains, without its message (it may quote data), and words it generically.</summary>
    public static FailureStatus Describe(Exception exception, string method, ILogger logger)
    {
        if (FailureStatus.Of(exception) is { } expected)
        {
            return expected;
        }
        logger.LogError("Unexpected {ExceptionType} in {Method}: {StackTrace}", exception.GetType().Name, method, exception.StackTrace);
        return FailureStatus.Internal;
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            var changed = context.Method.EndsWith("/ImportSubjects", StringComparison.Ordinal)
                ? "the subjects read before it stay imported; send the import again (they count as already present)."
                : "nothing was changed.";
            return new RpcException(new Grpc.Core.Status(
                context.Deadline <= DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled,
                $"The call was cancelled or its deadline passed before the work finished; {changed}"));
        }
        var failure = Describe(exception, context.Method, logger);
        var status = new Google.Rpc.Status
        {
            Code = (int)failure.Code,
            Message = failure.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = failure.Reason, Domain = Domain }) },
        };
        if (failure.Field is { } field)
        {
            status.Details.Add(Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = failure.Message } } }));
        }
        return status.ToRpcException();
    }
}
