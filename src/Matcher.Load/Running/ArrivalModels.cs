using Grpc.Core;
using Matcher.Load.Traffic;

namespace Matcher.Load.Running;

/// <summary>
/// The two ways requests arrive. Open: request i is due at start + i / rate and is sent then, whether or not earlier
/// answers came; its latency runs from that intended time, so a stall of the service (or of this client) shows in
/// every request it delayed instead of hiding behind fewer requests sent (coordinated omission). Closed: each station
/// sends its next request when its previous answer came; latency runs from the actual send, as a station sees it.
/// </summary>
public static class ArrivalModels
{
    /// <returns>Requests sent.</returns>
    public static async Task<long> RunOpenAsync(ILoadTarget target, double rate, TimeSpan duration, long firstNumber, long maxRequests,
        int maxInFlight, StepRecorder recorder, TimeProvider clock, CancellationToken cancellation)
    {
        var count = Math.Min(maxRequests, (long)Math.Floor(rate * duration.TotalSeconds));
        var start = recorder.StepStart;
        var ticksPerRequest = clock.TimestampFrequency / rate;
        using var slots = new SemaphoreSlim(maxInFlight);
        var calls = new List<Task>();
        long sent = 0;
        for (long i = 0; i < count && !cancellation.IsCancellationRequested; i++)
        {
            var intended = start + (long)Math.Round(i * ticksPerRequest);
            var wait = clock.GetElapsedTime(clock.GetTimestamp(), intended);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellation);
            }
            await slots.WaitAsync(cancellation);
            var number = firstNumber + i;
            calls.Add(Task.Run(() => CallAsync(target, number, intended, recorder, clock, slots, cancellation), CancellationToken.None));
            sent++;
        }
        await Task.WhenAll(calls);
        return sent;
    }

    /// <returns>Requests sent.</returns>
    public static async Task<long> RunClosedAsync(ILoadTarget target, int stations, TimeSpan duration, long firstNumber, long maxRequests,
        StepRecorder recorder, TimeProvider clock, CancellationToken cancellation)
    {
        var end = recorder.StepStart + (long)(duration.TotalSeconds * clock.TimestampFrequency);
        long next = -1;
        async Task StationAsync()
        {
            while (!cancellation.IsCancellationRequested && clock.GetTimestamp() < end)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= maxRequests)
                {
                    return;
                }
                await CallAsync(target, firstNumber + i, clock.GetTimestamp(), recorder, clock, slots: null, cancellation);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, stations).Select(_ => Task.Run(StationAsync, CancellationToken.None)));
        return Math.Min(Interlocked.Read(ref next) + 1, maxRequests);
    }

    private static async Task CallAsync(ILoadTarget target, long number, long intended, StepRecorder recorder, TimeProvider clock,
        SemaphoreSlim? slots, CancellationToken cancellation)
    {
        CallResult result;
        try
        {
            result = await target.SendAsync(number, cancellation);
        }
        catch (OperationCanceledException)
        {
            result = CallResult.Failed(target.RpcOf(number), StatusCode.Cancelled);
        }
        finally
        {
            slots?.Release();
        }
        recorder.Record(intended, clock.GetTimestamp(), result);
    }
}
