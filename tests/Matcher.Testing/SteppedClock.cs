namespace Matcher.Testing;

/// <summary>
/// A wall clock the test moves by hand, so expiry is tested without waiting. Elapsed-time measurement
/// (<see cref="TimeProvider.GetTimestamp"/>) stays real: timings in answers still mean something.
/// </summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan step) => Interlocked.Add(ref _ticks, step.Ticks);
}
