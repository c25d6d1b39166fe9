using System.Collections.Frozen;
using static Matcher.Server.Security.Identity.Role;

namespace Matcher.Server.Security.Authorization;

/// <summary>
/// The one place that says which role may call which RPC, keyed by gRPC full method name. An RPC missing here is
/// refused to everyone (PERMISSION_DENIED): a new service is closed until its methods are added, in this table only.
/// </summary>
internal static class RpcAccessTable
{
    public static FrozenDictionary<string, RpcAccess> Methods { get; } = new Dictionary<string, RpcAccess>(StringComparer.Ordinal)
    {
        ["/matcher.v1.Matcher/Enroll"] = RpcAccess.For(AuditKind.Change, Station),
        ["/matcher.v1.Matcher/Verify"] = RpcAccess.For(AuditKind.Read, Station),
        ["/matcher.v1.Matcher/Identify"] = RpcAccess.For(AuditKind.Read, Station),
        ["/matcher.v1.Matcher/GetSubject"] = RpcAccess.For(AuditKind.Read, Station, BatchOperator, Admin),
        ["/matcher.v1.Matcher/GetStats"] = RpcAccess.For(AuditKind.None, Station, BatchOperator, Admin),
        ["/matcher.v1.Matcher/Delete"] = RpcAccess.For(AuditKind.Change, Admin),
        ["/matcher.v1.Matcher/ImportSubjects"] = RpcAccess.For(AuditKind.Change, BatchOperator),

        ["/matcher.v1.Jobs/StartDedupJob"] = RpcAccess.For(AuditKind.Change, BatchOperator),
        ["/matcher.v1.Jobs/WatchJob"] = RpcAccess.For(AuditKind.None, BatchOperator),
        ["/matcher.v1.Jobs/GetJobResults"] = RpcAccess.For(AuditKind.Read, BatchOperator),
        ["/matcher.v1.Jobs/CancelJob"] = RpcAccess.For(AuditKind.Change, BatchOperator),
        ["/matcher.v1.Jobs/PauseJob"] = RpcAccess.For(AuditKind.Change, BatchOperator),
        ["/matcher.v1.Jobs/ResumeJob"] = RpcAccess.For(AuditKind.Change, BatchOperator),
        ["/matcher.v1.Jobs/ListJobs"] = RpcAccess.For(AuditKind.None, BatchOperator),

        ["/matcher.v1.Templates/ExtractTemplate"] = RpcAccess.For(AuditKind.None, Station, BatchOperator),
        ["/matcher.v1.Templates/ConvertTemplate"] = RpcAccess.For(AuditKind.None, Station, BatchOperator),

        ["/matcher.v1.Cache/VerifyCache"] = RpcAccess.For(AuditKind.Read, Admin),
        ["/matcher.v1.Cache/RebuildCache"] = RpcAccess.For(AuditKind.Change, Admin),

        ["/matcher.v1.Audit/QueryAudit"] = RpcAccess.For(AuditKind.Read, Auditor),
        ["/matcher.v1.Audit/VerifyAudit"] = RpcAccess.For(AuditKind.Read, Auditor),

        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = RpcAccess.For(AuditKind.None, Admin),
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = RpcAccess.For(AuditKind.None, Admin),

        ["/grpc.health.v1.Health/Check"] = RpcAccess.Probe,
        ["/grpc.health.v1.Health/Watch"] = RpcAccess.Probe,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Null for an RPC nobody may call.</summary>
    public static RpcAccess? Find(string method) => Methods.GetValueOrDefault(method);

    public static bool IsProbe(string path) => Find(path) is { Anonymous: true };
}
