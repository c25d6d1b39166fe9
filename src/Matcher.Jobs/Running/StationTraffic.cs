namespace Matcher.Jobs.Running;

/// <summary>
/// Station requests in flight, counted by the host around each enroll, verify and identify. Background jobs wait for
/// a moment without any before each subject they search, so stations keep priority on the cores.
/// </summary>
public sealed class StationTraffic
{
    private readonly Lock _lock = new();
    private int _inFlight;
    private TaskCompletionSource _quiet = Completed();

    /// <summary>Counts one station request until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_lock)
        {
            if (_inFlight++ == 0)
            {
                _quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        return new Scope(this);
    }

    /// <summary>Completes at once when no station request is in flight, else when the last one ends.</summary>
    public Task WhenQuietAsync(CancellationToken cancellation)
    {
        lock (_lock)
        {
            return _inFlight == 0 ? Task.CompletedTask : _quiet.Task.WaitAsync(cancellation);
        }
    }

    private void Exit()
    {
        lock (_lock)
        {
            if (--_inFlight == 0)
            {
                _quiet.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    private sealed class Scope(StationTraffic traffic) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                traffic.Exit();
            }
        }
    }
}
