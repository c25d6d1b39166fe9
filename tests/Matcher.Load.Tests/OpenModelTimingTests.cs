using Grpc.Core;
using Matcher.Load.Running;
using Matcher.Load.Traffic;
using Xunit;

namespace Matcher.Load.Tests;

/// <summary>
/// The open model on a clock the test moves: requests go out at their intended times whatever the answers, and a
/// stall (of the service, or of the client when its in-flight bound is reached) shows in the latencies of every
/// request it delayed, measured from the intended time, not hidden behind fewer requests sent.
/// </summary>
public sealed class OpenModelTimingTests
{
    private const int Requests = 10;
    private const double Rate = 10;
    private const long Tick = TimeSpan.TicksPerSecond / 10;
    private static readonly TimeSpan StepDuration = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Requests_leave_at_their_intended_times_while_one_answer_stalls()
    {
        var clock = new ManualClock();
        var target = new StallingTarget(clock, stalled: 3, answerAt: 10 * Tick);
        var recorder = new StepRecorder(clock, 0, 0);

        var run = ArrivalModels.RunOpenAsync(target, Rate, StepDuration, 0, long.MaxValue, maxInFlight: 100, recorder, clock, CancellationToken.None);
        for (var i = 0; i < Requests; i++)
        {
            clock.AdvanceTo(i * Tick);
            await WaitUntilSentAndAnswered(target, recorder, i, stalled: 3);
        }
        clock.AdvanceTo(10 * Tick);
        var sent = await run.WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(Requests, sent);
        Assert.Equal(Enumerable.Range(0, Requests).Select(i => i * Tick), target.SentAt);
        var report = recorder.Report(ArrivalModel.Open, Rate, StepDuration, sent);
        Assert.Equal([0, 0, 0, 700, 0, 0, 0, 0, 0, 0], Latencies(report));
        Assert.InRange(report.Latency.MaxMs, 699.5, 700.5);
        Assert.Equal(Requests, report.Completed);
    }

    [Fact]
    public async Task A_client_stall_is_charged_to_every_request_it_held_back()
    {
        var clock = new ManualClock();
        var target = new StallingTarget(clock, stalled: 3, answerAt: 10 * Tick);
        var recorder = new StepRecorder(clock, 0, 0);

        // One request in flight at most: while request 3 waits for its answer, requests 4-9 cannot leave.
        var run = ArrivalModels.RunOpenAsync(target, Rate, StepDuration, 0, long.MaxValue, maxInFlight: 1, recorder, clock, CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            clock.AdvanceTo(i * Tick);
            await WaitUntilSentAndAnswered(target, recorder, i, stalled: 3);
        }
        for (var i = 4; i < Requests; i++)
        {
            clock.AdvanceTo(i * Tick);
        }
        Assert.Equal(4, target.SentCount);
        clock.AdvanceTo(10 * Tick);
        var sent = await run.WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(Requests, sent);
        Assert.Equal([0, Tick, 2 * Tick, 3 * Tick, 10 * Tick, 10 * Tick, 10 * Tick, 10 * Tick, 10 * Tick, 10 * Tick], target.SentAt);
        var report = recorder.Report(ArrivalModel.Open, Rate, StepDuration, sent);
        // Measured from the actual send, requests 4-9 would claim 0 ms; from their intended times they waited 600 ... 100 ms.
        Assert.Equal([0, 0, 0, 700, 600, 500, 400, 300, 200, 100], Latencies(report));
        Assert.InRange(report.Latency.P50Ms, 99.5, 200.5);
    }

    private static double[] Latencies(StepReport report) =>
        [.. report.Points.OrderBy(p => p.AtSeconds).Select(p => Math.Round(p.LatencyMs))];

    /// <summary>
    /// Before the clock moves on, request <paramref name="number"/> has left and every answer due so far is recorded:
    /// an answer recorded after the move would be charged the tick it did not wait.
    /// </summary>
    private static async Task WaitUntilSentAndAnswered(StallingTarget target, StepRecorder recorder, int number, int stalled)
    {
        await WaitUntil(() => target.SentCount == number + 1, $"request {number} was not sent at its intended time {number * 100} ms");
        var answered = number < stalled ? number + 1 : number;
        await WaitUntil(() => recorder.Completed == answered, $"{answered} answers were not recorded by {number * 100} ms");
    }

    private static async Task WaitUntil(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Answers at once, except request <paramref name="stalled"/>, which answers when the clock reaches <paramref name="answerAt"/>.</summary>
    private sealed class StallingTarget(ManualClock clock, long stalled, long answerAt) : ILoadTarget
    {
        private readonly List<long> _sentAt = [];

        public int SentCount
        {
            get
            {
                lock (_sentAt)
                {
                    return _sentAt.Count;
                }
            }
        }

        public IReadOnlyList<long> SentAt
        {
            get
            {
                lock (_sentAt)
                {
                    return [.. _sentAt];
                }
            }
        }

        public LoadRpc RpcOf(long number) => LoadRpc.Identify;

        public async Task<CallResult> SendAsync(long number, CancellationToken cancellation)
        {
            lock (_sentAt)
            {
                _sentAt.Add(clock.GetTimestamp());
            }
            if (number == stalled)
            {
                await clock.At(answerAt);
            }
            return new CallResult(LoadRpc.Identify, "candidates", StatusCode.OK, MateCheck.Found, 10);
        }
    }
}
