using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Matcher.Server.Security.Authorization;

/// <summary>
/// The statuses security refuses a call with, shaped like every other refusal of the service (google.rpc.Status with
/// an ErrorInfo reason in domain matcher.v1), so clients and the CLI read them the same way.
/// </summary>
internal static class SecurityRefusal
{
    private const string Domain = "matcher.v1";

    public const string UnauthenticatedReason = "security.unauthenticated";
    public const string RoleReason = "security.role_denied";
    public const string GalleryReason = "security.gallery_denied";
    public const string UnlistedReason = "security.rpc_not_open";
    public const string LimitReason = "security.limit_exceeded";
    public const string AuditUnwritableReason = "security.audit_unwritable";

    public static RpcException Unauthenticated(string message) => Exception(Code.Unauthenticated, UnauthenticatedReason, message);

    public static RpcException PermissionDenied(string reason, string message) => Exception(Code.PermissionDenied, reason, message);

    public static Google.Rpc.Status Status(Code code, string reason, string message) => new()
    {
        Code = (int)code,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
    };

    /// <summary>The status as the grpc-status-details-bin header carries it, for refusals written before any service runs.</summary>
    public static string DetailsHeader(Google.Rpc.Status status) => Convert.ToBase64String(status.ToByteArray());

    private static RpcException Exception(Code code, string reason, string message) => Status(code, reason, message).ToRpcException();
}
