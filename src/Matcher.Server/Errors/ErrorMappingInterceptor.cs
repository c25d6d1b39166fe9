using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Matcher.Core.Errors;

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

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case InvalidRequestException invalid:
                return Build(Code.InvalidArgument, invalid.Message, "request.invalid_field",
                    new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = invalid.Field, Description = invalid.Message } } });
            case BiometricInputException input:
                var code = input.Problem switch
                {
                    InputProblem.TooLarge => Code.ResourceExhausted,
                    InputProblem.Unusable => Code.FailedPrecondition,
                    _ => Code.InvalidArgument,
                };
                return Build(code, input.Message, input.ReasonCode, null);
            case RequestRefusedException refused:
                var refusal = refused.Refusal switch
                {
                    Refusal.NotFound => Code.NotFound,
                    Refusal.AlreadyExists => Code.AlreadyExists,
                    Refusal.Unavailable => Code.Unavailable,
                    _ => Code.FailedPrecondition,
                };
                return Build(refusal, refused.Message, refused.Reason, null);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Grpc.Core.Status(
                    context.Deadline <= DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled,
                    "The call was cancelled or its deadline passed before the work finished; nothing was changed."));
            default:
                logger.LogError("Unexpected {ExceptionType} in {Method}: {StackTrace}",
                    exception.GetType().Name, context.Method, exception.StackTrace);
                return Build(Code.Internal, "The server failed unexpectedly; nothing was changed. Operations staff can find the error in the server log.", "server.internal", null);
        }
    }

    private static RpcException Build(Code code, string message, string reason, BadRequest? badRequest)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
        };
        if (badRequest is not null)
        {
            status.Details.Add(Any.Pack(badRequest));
        }
        return status.ToRpcException();
    }
}
