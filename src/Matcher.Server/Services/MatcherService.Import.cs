using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Enrollment.Import;
using Matcher.Server.Errors;
using Matcher.Server.Requests;
using Matcher.Server.Security.Authorization;
using SubjectFailure = Matcher.Enrollment.Import.ImportFailure;
using WireFailure = Matcher.Contracts.V1.ImportFailure;

namespace Matcher.Server.Services;

/// <summary>Bulk import: the client's stream of subjects mapped onto the registry's import, its report onto the response.</summary>
internal sealed partial class MatcherService
{
    /// <summary>What an Enroll retried with the request id of an imported subject answers: enrolled, nothing searched.</summary>
    private static readonly byte[] ImportedAnswer = new EnrollResponse { Outcome = EnrollOutcome.Enrolled }.ToByteArray();

    public override async Task<ImportSubjectsResponse> ImportSubjects(IAsyncStreamReader<ImportSubjectRequest> requestStream, ServerCallContext context)
    {
        var report = await registry.ImportAsync(ItemsOf(requestStream, context), ImportedAnswer, ImportOptions.Default, context.CancellationToken);
        return new ImportSubjectsResponse
        {
            Imported = (ulong)report.Imported,
            AlreadyPresent = (ulong)report.AlreadyPresent,
            Failed = (ulong)report.Failed,
            Failures = { report.Failures.Select(f => FailureOf(f, context.Method)) },
            FailuresNotListed = (ulong)(report.Failed - report.Failures.Count),
            Timings = Timings(report.Timings),
        };
    }

    private async IAsyncEnumerable<ImportItem> ItemsOf(IAsyncStreamReader<ImportSubjectRequest> stream, ServerCallContext context,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var index = 0L;
        while (await stream.MoveNext(cancellation))
        {
            var message = stream.Current;
            yield return new ImportItem(index++, message.SubjectId, message.Gallery, reading => Read(message, context, reading));
        }
    }

    /// <summary>A subject in a gallery its caller may not touch fails alone (PERMISSION_DENIED); the rest of the import goes on.</summary>
    private ImportSubject Read(ImportSubjectRequest message, ServerCallContext context, CancellationToken cancellation)
    {
        var key = KeyOf(message.Gallery, message.SubjectId);
        GalleryAccess.RequireFor(context, key.Gallery);
        var requestId = message.RequestId.Length == 0 ? null : RequestValidation.RequestId(message.RequestId, "request_id");
        return new ImportSubject(key, SamplesOf(samplesReader.Read(message.Samples, "samples", cancellation)), requestId);
    }

    private WireFailure FailureOf(SubjectFailure failure, string method)
    {
        var status = ErrorMappingInterceptor.Describe(failure.Error, method, logger);
        return new WireFailure
        {
            Index = (ulong)failure.Index,
            SubjectId = failure.SubjectId,
            Gallery = failure.Gallery,
            Code = (int)status.Code,
            Reason = status.Reason,
            Message = status.Field is { } field ? $"{field}: {status.Message}" : status.Message,
        };
    }
}
