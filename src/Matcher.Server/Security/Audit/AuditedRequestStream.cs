using Google.Protobuf;
using Grpc.Core;
using Matcher.Security.Audit;

namespace Matcher.Server.Security.Audit;

/// <summary>
/// A client stream whose messages' subjects are put on record as the service reads them: every
/// <see cref="AuditFacts.MaxListed"/> subjects a progress record is written before the message that filled it is
/// handed over, so no record grows with the size of an import.
/// </summary>
internal sealed class AuditedRequestStream<T>(IAsyncStreamReader<T> inner, AuditInterceptor audit, AuditRecord record) : IAsyncStreamReader<T>
{
    private readonly List<AuditSubject> _pending = [];
    private readonly HashSet<string> _galleries = new(StringComparer.Ordinal);

    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken))
        {
            return false;
        }
        if (inner.Current is IMessage message && AuditFacts.SubjectOf(message) is { } subject)
        {
            _pending.Add(subject);
            _galleries.Add(subject.Gallery);
            if (_pending.Count == AuditFacts.MaxListed)
            {
                await audit.WriteProgressAsync(Remaining(record));
                _pending.Clear();
            }
        }
        return true;
    }

    /// <summary><paramref name="record"/> with the galleries read so far and the subjects no progress record has listed yet.</summary>
    public AuditRecord Remaining(AuditRecord record) => record with
    {
        Galleries = _galleries.Order(StringComparer.Ordinal).ToList(),
        Subjects = _pending.ToList(),
    };
}
