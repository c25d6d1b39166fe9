using Xunit;

namespace Matcher.Imaging.Tests.Support;

/// <summary>
/// Runs a long loop on its own thread and fails the test when one step of it makes no progress for a whole
/// <c>patience</c>: a hang is still caught, while a slow or busy machine, which only makes every step slower, is not
/// mistaken for one.
/// </summary>
internal sealed class StallWatch
{
    private long _steps;
    private volatile string _current = "nothing yet";

    /// <summary>Called by the loop before each step; <paramref name="description"/> names the step in a failure.</summary>
    public void Starting(string description)
    {
        _current = description;
        Interlocked.Increment(ref _steps);
    }

    public static async Task<T> RunAsync<T>(Func<StallWatch, T> loop, TimeSpan patience, TimeProvider time)
    {
        var watch = new StallWatch();
        var work = Task.Factory.StartNew(() => loop(watch), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        using var stopTimers = new CancellationTokenSource();
        var stepsAtLastLook = -1L;
        while (await Task.WhenAny(work, Task.Delay(patience, time, stopTimers.Token)) != work)
        {
            var steps = Interlocked.Read(ref watch._steps);
            Assert.True(steps != stepsAtLastLook, $"{watch._current} has not finished after {patience.TotalSeconds:0} s: it hangs.");
            stepsAtLastLook = steps;
        }
        await stopTimers.CancelAsync();
        return await work;
    }
}
