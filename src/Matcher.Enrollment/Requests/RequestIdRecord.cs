using Matcher.Core.Subjects;

namespace Matcher.Enrollment.Requests;

/// <summary>
/// What an enrollment request id was used for and what it answered, so a retry gets the same answer. The response is
/// the serialised EnrollResponse: outcome, candidates and quality, never biometric data.
/// </summary>
internal sealed record RequestIdRecord(string RequestId, SubjectKey Subject, DateTimeOffset RecordedAt, ReadOnlyMemory<byte> Response);
