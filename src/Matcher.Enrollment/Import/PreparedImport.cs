using Matcher.Core.Subjects;
using Matcher.Enrollment.Requests;

namespace Matcher.Enrollment.Import;

/// <summary>A subject read and encoded for the log, ready to be staged.</summary>
/// <param name="Payload">The encoded record, as the Redis mirror keeps it.</param>
/// <param name="Logged">What the log holds: the payload, preceded by the request id when there is one.</param>
internal sealed record PreparedImport(SubjectRecord Record, RequestIdRecord? Request, byte RecordType, byte[] Payload, byte[] Logged);

internal enum ImportVerdict
{
    Staged,
    AlreadyPresent,
    Refused,
}

/// <summary>What staging decided for each subject of a batch, by its place in it, and the wait for the staged ones to reach disk.</summary>
internal sealed record StagedImport(ImportVerdict[] Verdicts, Exception?[] Refusals, Task Durable);
