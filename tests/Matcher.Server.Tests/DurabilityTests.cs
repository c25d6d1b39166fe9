using Grpc.Core;
using Matcher.Contracts.V1;
using Xunit;

namespace Matcher.Server.Tests;

/// <summary>An acknowledged enrollment survives anything short of losing the disk; nothing half-written ever appears.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("matcher-durability-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static EnrollRequest Enrollment(int n) => new()
    {
        Gallery = "durable",
        SubjectId = $"S{n:D5}",
        DedupMode = DedupMode.InsertOnly,
        Samples = Samples.Of(Samples.IsoTemplate($"DB{1 + n / 80 % 4}_B", 101 + n % 80 / 8, 1 + n % 8)),
    };

    /// <summary>Far longer than 200 template enrollments take (seconds); only a stuck server or station takes this long.</summary>
    private static readonly TimeSpan AcknowledgementPatience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task EveryAcknowledgedEnrollmentSurvivesASigkill()
    {
        // One request per database on the test thread, so a missing dataset skips the test instead of killing the stations.
        _ = Enumerable.Range(0, 4).Select(database => Enrollment(80 * database)).ToList();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var attempted = 0;
        var killed = false;
        await using (var server = await ServerProcess.StartAsync(_dataDirectory, Cancellation))
        {
            using var stop = new CancellationTokenSource();
            var stations = Enumerable.Range(0, 4).Select(station => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var request = Enrollment(Interlocked.Increment(ref attempted));
                    try
                    {
                        await server.Matcher.EnrollAsync(request, cancellationToken: Cancellation);
                        acknowledged.Add(request.SubjectId);
                    }
                    // The kill drops the connection under the calls in flight; any other failure fails the station.
                    catch (RpcException e) when (Volatile.Read(ref killed) && e.StatusCode == StatusCode.Unavailable)
                    {
                        return;
                    }
                }
            }, Cancellation)).ToList();

            var deadline = TimeProvider.System.GetUtcNow() + AcknowledgementPatience;
            while (acknowledged.Count < 200)
            {
                var stopped = stations.FirstOrDefault(s => s.IsCompleted);
                Assert.True(stopped is null,
                    $"A station stopped after {acknowledged.Count} acknowledged enrollments: {stopped?.Exception?.InnerException?.Message}");
                Assert.True(TimeProvider.System.GetUtcNow() < deadline,
                    $"Only {acknowledged.Count} of 200 enrollments were acknowledged within {AcknowledgementPatience.TotalMinutes} minutes.");
                await Task.Delay(10, Cancellation);
            }
            Volatile.Write(ref killed, true);
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(stations);
        }

        await using var restarted = await ServerProcess.StartAsync(_dataDirectory, Cancellation);
        foreach (var id in acknowledged)
        {
            var subject = await restarted.Matcher.GetSubjectAsync(new GetSubjectRequest { Gallery = "durable", SubjectId = id }, cancellationToken: Cancellation);
            Assert.Equal([FingerPosition.RightIndex], subject.Fingers);
        }
        var stats = await restarted.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.InRange((int)stats.Subjects, acknowledged.Count, attempted);
        Assert.Equal(stats.Subjects, stats.FingerprintTemplates);

        // The restarted server keeps enrolling on top of the recovered log.
        await restarted.Matcher.EnrollAsync(Enrollment(attempted + 1), cancellationToken: Cancellation);
    }

    [Fact]
    public async Task ALogCutAnywhereRestartsWithEverythingBeforeTheCut()
    {
        const int subjects = 40;
        await using (var server = await LoopbackServer.StartAsync(_dataDirectory))
        {
            for (var n = 0; n < subjects; n++)
            {
                await server.Matcher.EnrollAsync(Enrollment(n), cancellationToken: Cancellation);
            }
        }
        var segment = Directory.GetFiles(_dataDirectory, "log-*.seg").Single();
        var length = new FileInfo(segment).Length;
        var random = new Random(20261127);
        var offsets = Enumerable.Range(0, 12).Select(_ => random.NextInt64(0, length)).Append(length).Order().ToList();

        var previousCount = -1;
        foreach (var offset in offsets)
        {
            var copy = Directory.CreateTempSubdirectory("matcher-cut-").FullName;
            try
            {
                foreach (var file in Directory.GetFiles(_dataDirectory).Where(f => !f.EndsWith("LOCK", StringComparison.Ordinal)))
                {
                    File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
                }
                using (var cut = new FileStream(Path.Combine(copy, Path.GetFileName(segment)), FileMode.Open))
                {
                    cut.SetLength(offset);
                }

                await using var server = await LoopbackServer.StartAsync(copy);
                var stats = await server.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
                var count = (int)stats.Subjects;
                Assert.True(count >= previousCount, $"cut at {offset}: {count} subjects, fewer than a shorter cut");
                for (var n = 0; n < subjects; n++)
                {
                    var request = new GetSubjectRequest { Gallery = "durable", SubjectId = Enrollment(n).SubjectId };
                    if (n < count)
                    {
                        await server.Matcher.GetSubjectAsync(request, cancellationToken: Cancellation);
                    }
                    else
                    {
                        var missing = await Assert.ThrowsAsync<RpcException>(() => server.Matcher.GetSubjectAsync(request, cancellationToken: Cancellation).ResponseAsync);
                        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
                    }
                }
                previousCount = count;
            }
            finally
            {
                Directory.Delete(copy, recursive: true);
            }
        }
        Assert.Equal(subjects, previousCount);
    }

    [Fact]
    public async Task RestartFromASnapshotAndTheLogAfterIt()
    {
        await using (var server = await LoopbackServer.StartAsync(_dataDirectory, "--Matcher:SnapshotEveryRecords", "10"))
        {
            for (var n = 0; n < 35; n++)
            {
                await server.Matcher.EnrollAsync(Enrollment(n), cancellationToken: Cancellation);
            }
            await server.Matcher.DeleteAsync(new DeleteRequest { Gallery = "durable", SubjectId = Enrollment(3).SubjectId }, cancellationToken: Cancellation);
        }
        Assert.NotEmpty(Directory.GetFiles(_dataDirectory, "snapshot-*.snap"));

        await using var restarted = await LoopbackServer.StartAsync(_dataDirectory);
        var stats = await restarted.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal(34ul, stats.Subjects);
        var deleted = await Assert.ThrowsAsync<RpcException>(() => restarted.Matcher.GetSubjectAsync(
            new GetSubjectRequest { Gallery = "durable", SubjectId = Enrollment(3).SubjectId }, cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, deleted.StatusCode);
    }

    [Fact]
    public async Task InvalidOptionsStopTheStartWithTheirName()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(_dataDirectory, "--Matcher:ListenAddress", "not-an-address"));

        Assert.Contains("Matcher:ListenAddress", exception.Message);
    }
}
