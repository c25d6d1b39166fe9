namespace Matcher.Load.Tests;

/// <summary>
/// A clock that moves only when told: timers (Task.Delay with this clock) fire when <see cref="AdvanceTo"/> passes
/// their due time, and a fake service's answers can wait for a moment of this clock. Timestamps are in ticks of 100 ns.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<Waiter> _waiters = [];
    private long _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero).AddTicks(GetTimestamp());

    /// <summary>Pending waits: timers and answers not yet due.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>The earliest due time of a pending wait, or null.</summary>
    public long? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count == 0 ? null : _waiters.Min(w => w.Due);
            }
        }
    }

    /// <summary>A task that completes when the clock reaches <paramref name="timestamp"/>.</summary>
    public Task At(long timestamp)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Register(timestamp, () => done.TrySetResult());
        return done.Task;
    }

    public void AdvanceTo(long timestamp)
    {
        List<Waiter> due;
        lock (_gate)
        {
            _now = Math.Max(_now, timestamp);
            due = [.. _waiters.Where(w => w.Due <= _now).OrderBy(w => w.Due)];
            _waiters.RemoveAll(due.Contains);
        }
        foreach (var waiter in due)
        {
            waiter.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Register(long due, Action fire)
    {
        bool now;
        lock (_gate)
        {
            now = due <= _now;
            if (!now)
            {
                _waiters.Add(new Waiter(due, fire));
            }
        }
        if (now)
        {
            fire();
        }
    }

    private void Remove(Action fire)
    {
        lock (_gate)
        {
            _waiters.RemoveAll(w => w.Fire == fire);
        }
    }

    private sealed record Waiter(long Due, Action Fire);

    /// <summary>One-shot timers are all Task.Delay needs; a period is not supported.</summary>
    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private Action? _pending;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
            {
                throw new NotSupportedException("The manual clock's timers fire once.");
            }
            if (_pending is not null)
            {
                clock.Remove(_pending);
                _pending = null;
            }
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _pending = () => callback(state);
                clock.Register(clock.GetTimestamp() + dueTime.Ticks, _pending);
            }
            return true;
        }

        public void Dispose()
        {
            if (_pending is not null)
            {
                clock.Remove(_pending);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
