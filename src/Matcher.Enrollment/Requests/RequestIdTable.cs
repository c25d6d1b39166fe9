namespace Matcher.Enrollment.Requests;

/// <summary>
/// The request ids of recent enrollments, each kept for the time-to-live after it was recorded and then forgotten, so
/// the table stays bounded by the enrollment rate. Records arrive in log order, which is nearly time order, so the
/// oldest sit at the front of a queue and expire from there. Thread-safe.
/// </summary>
internal sealed class RequestIdTable(TimeSpan timeToLive, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RequestIdRecord> _records = new(StringComparer.Ordinal);
    private readonly Queue<RequestIdRecord> _byAge = new();

    public TimeSpan TimeToLive => timeToLive;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    public RequestIdRecord? Find(string requestId)
    {
        lock (_gate)
        {
            return _records.TryGetValue(requestId, out var record) && !IsExpired(record) ? record : null;
        }
    }

    /// <summary>Keeps the record unless it expired already (as old log records replayed at start do).</summary>
    public void Add(RequestIdRecord record)
    {
        lock (_gate)
        {
            ForgetExpired();
            if (IsExpired(record))
            {
                return;
            }
            _records[record.RequestId] = record;
            _byAge.Enqueue(record);
        }
    }

    /// <summary>Forgets a record whose change could not be written; a later record of the same id stays.</summary>
    public void Forget(RequestIdRecord record)
    {
        lock (_gate)
        {
            if (_records.TryGetValue(record.RequestId, out var current) && ReferenceEquals(current, record))
            {
                _records.Remove(record.RequestId);
            }
        }
    }

    /// <summary>The live records, for a snapshot.</summary>
    public IReadOnlyList<RequestIdRecord> Live()
    {
        lock (_gate)
        {
            ForgetExpired();
            return [.. _records.Values];
        }
    }

    public bool IsExpired(RequestIdRecord record) => clock.GetUtcNow() - record.RecordedAt >= timeToLive;

    private void ForgetExpired()
    {
        while (_byAge.TryPeek(out var oldest) && IsExpired(oldest))
        {
            _byAge.Dequeue();
            // A later record of the same id (recorded again after expiry) replaced this one and stays.
            if (_records.TryGetValue(oldest.RequestId, out var current) && ReferenceEquals(current, oldest))
            {
                _records.Remove(oldest.RequestId);
            }
        }
    }
}
