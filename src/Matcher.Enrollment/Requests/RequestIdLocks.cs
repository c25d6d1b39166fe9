namespace Matcher.Enrollment.Requests;

/// <summary>
/// One lock per request id in use, so concurrent retries of one enrollment run one after the other: the second finds
/// the first one's recorded response instead of enrolling again. Entries live only while someone holds or waits for
/// them, so the table does not grow with the number of ids ever seen.
/// </summary>
internal sealed class RequestIdLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string requestId, CancellationToken cancellation)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(requestId, out entry!))
            {
                entry = new Entry();
                _entries.Add(requestId, entry);
            }
            entry.Users++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellation);
        }
        catch
        {
            Leave(requestId, entry);
            throw;
        }
        return new Release(this, requestId, entry);
    }

    private void Leave(string requestId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(requestId);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Release(RequestIdLocks owner, string requestId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(requestId, entry);
            }
        }
    }
}
