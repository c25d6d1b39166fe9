using System.Collections.Concurrent;

namespace Matcher.Enrollment.Dedup;

/// <summary>
/// One lock per gallery held from the duplicate search to the insert, so two stations enrolling the same person at the
/// same moment cannot both find the gallery free of them. Searches without an insert do not take it.
/// </summary>
internal sealed class GalleryLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string gallery, CancellationToken cancellation)
    {
        var semaphore = _locks.GetOrAdd(gallery, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellation);
        return new Release(semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
