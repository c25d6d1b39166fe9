using Grpc.Core;
using Grpc.Health.V1;
using Matcher.Contracts.V1;
using Matcher.Testing;
using Xunit;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Matcher.Server.Tests;

/// <summary>
/// The service with the Redis warm cache, against a real redis-server started per test: warm start of an empty node,
/// retries answered across nodes, Redis killed mid-stream, and a restart while Redis is down.
/// </summary>
public sealed class RedisCacheTests : IDisposable
{
    /// <summary>Generous: the machine is shared, and Redis reconnection backs off; nothing here asserts a duration.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly List<string> _dataDirectories = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var directory in _dataDirectories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AnEmptyNodeWarmsFromRedisFindsTheSubjectsAndAnswersRetriesOfAnotherNode()
    {
        using var redis = RedisServer.Start();
        var original = new Dictionary<int, EnrollResponse>();
        await using (var first = await StartAsync(NewDataDirectory(), redis))
        {
            for (var person = 0; person < 150; person++)
            {
                original[person] = await first.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, person % 3 == 0 ? "border" : "civil", $"first:{person}"),
                    cancellationToken: Cancellation);
            }
            await first.Matcher.DeleteAsync(new DeleteRequest { Gallery = "civil", SubjectId = "P000001" }, cancellationToken: Cancellation);
            await AssertCacheEqualsLocalAsync(first);
        }

        var emptyDirectory = NewDataDirectory();
        await using (var warmed = await StartAsync(emptyDirectory, redis))
        {
            var stats = await warmed.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
            Assert.Equal(149ul, stats.Subjects);
            var found = await warmed.Matcher.IdentifyAsync(new IdentifyRequest { Samples = SyntheticFaces.Of(42) }, cancellationToken: Cancellation);
            Assert.Equal("P000042", found.Candidates[0].SubjectId);
            Assert.Equal("border", found.Candidates[0].Gallery);

            // The request id was answered by the first node; this node finds it in Redis and enrolls nothing.
            var retried = await warmed.Matcher.EnrollAsync(SyntheticFaces.Enrollment(7, "civil", "first:7"), cancellationToken: Cancellation);
            RequestIdTests.AssertSameAnswer(original[7], retried);
            await warmed.Matcher.EnrollAsync(SyntheticFaces.Enrollment(500, "civil", "warmed:500"), cancellationToken: Cancellation);
            await AssertCacheEqualsLocalAsync(warmed);
        }
        Assert.NotEmpty(Directory.GetFiles(emptyDirectory, "snapshot-*.snap"));

        // The warmed node owns its data now: it restarts from its own log, which Redis matches.
        await using var restarted = await StartAsync(emptyDirectory, redis);
        Assert.Equal(150ul, (await restarted.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
        var verified = await restarted.Cache.VerifyCacheAsync(new VerifyCacheRequest(), cancellationToken: Cancellation);
        Assert.True(verified.Equal, verified.ToString());
        Assert.Equal(verified.LocalSequence, verified.RedisSequence);
    }

    [Fact]
    public async Task ImportedSubjectsReachRedisLikeEnrollmentsAndWarmAnEmptyNode()
    {
        using var redis = RedisServer.Start();
        var subjects = Enumerable.Range(0, 300).Select(n => ImportTests.Subject("imported", n)).ToList();
        await using (var first = await StartAsync(NewDataDirectory(), redis))
        {
            Assert.Equal(300ul, (await ImportTests.ImportAsync(first, subjects)).Imported);
            await AssertCacheEqualsLocalAsync(first);
        }

        await using var warmed = await StartAsync(NewDataDirectory(), redis);
        Assert.Equal(300ul, (await warmed.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
        Assert.Equal("I00123", await ImportTests.IdentifiedAsync(warmed, "imported", 123));
        Assert.Equal(300ul, (await ImportTests.ImportAsync(warmed, subjects)).AlreadyPresent);
    }

    [Fact]
    public async Task ARetriedEnrollmentWithRedisGetsTheOriginalAnswerOnceAlsoAfterARestart()
    {
        using var redis = RedisServer.Start();
        var directory = NewDataDirectory();
        var request = SyntheticFaces.Enrollment(9, "retries", "station-4:77");
        EnrollResponse original;
        await using (var server = await StartAsync(directory, redis))
        {
            original = await server.Matcher.EnrollAsync(request, cancellationToken: Cancellation);
            RequestIdTests.AssertSameAnswer(original, await server.Matcher.EnrollAsync(request, cancellationToken: Cancellation));
        }
        await using var restarted = await StartAsync(directory, redis);
        RequestIdTests.AssertSameAnswer(original, await restarted.Matcher.EnrollAsync(request, cancellationToken: Cancellation));
        Assert.Equal(1ul, (await restarted.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
        await AssertCacheEqualsLocalAsync(restarted);
    }

    [Fact]
    public async Task RedisKilledInTheMiddleOfAStreamOfEnrollmentsEndsEqualToTheLocalStore()
    {
        using var redis = RedisServer.Start();
        await using var server = await StartAsync(NewDataDirectory(), redis);
        var enrolled = 0;
        var stations = Enumerable.Range(0, 4).Select(station => Task.Run(async () =>
        {
            for (var person = station; person < 400; person += 4)
            {
                await server.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "stream", $"s{station}:{person}"), cancellationToken: Cancellation);
                if (person % 10 == 3)
                {
                    await server.Matcher.DeleteAsync(new DeleteRequest { Gallery = "stream", SubjectId = $"P{person:D6}" }, cancellationToken: Cancellation);
                }
                Interlocked.Increment(ref enrolled);
            }
        }, Cancellation)).ToList();

        await WaitUntilAsync(() => Volatile.Read(ref enrolled) >= 100);
        redis.Kill();
        await WaitUntilAsync(() => Volatile.Read(ref enrolled) >= 200);
        var health = await server.Health.CheckAsync(new HealthCheckRequest { Service = "redis" }, cancellationToken: Cancellation);
        Assert.Equal(ServingStatus.NotServing, health.Status);
        redis.Launch();
        await Task.WhenAll(stations);

        var verified = await AssertCacheEqualsLocalAsync(server);
        Assert.Equal(360ul, verified.LocalSubjects);
        Assert.Equal(ServingStatus.Serving, (await server.Health.CheckAsync(new HealthCheckRequest { Service = "redis" }, cancellationToken: Cancellation)).Status);
    }

    [Fact]
    public async Task AServiceRestartedWhileRedisIsDownServesDegradedAndCatchesUpWhenRedisReturns()
    {
        using var redis = RedisServer.Start();
        var directory = NewDataDirectory();
        await using (var server = await StartAsync(directory, redis))
        {
            for (var person = 0; person < 50; person++)
            {
                await server.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "restart"), cancellationToken: Cancellation);
            }
            await AssertCacheEqualsLocalAsync(server);
        }
        redis.Kill();

        await using var restarted = await StartAsync(directory, redis);
        Assert.Equal(ServingStatus.Serving, (await restarted.Health.CheckAsync(new HealthCheckRequest(), cancellationToken: Cancellation)).Status);
        Assert.Equal(ServingStatus.NotServing,
            (await restarted.Health.CheckAsync(new HealthCheckRequest { Service = "redis" }, cancellationToken: Cancellation)).Status);
        for (var person = 50; person < 70; person++)
        {
            await restarted.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "restart", $"late:{person}"), cancellationToken: Cancellation);
        }
        var found = await restarted.Matcher.IdentifyAsync(new IdentifyRequest { Samples = SyntheticFaces.Of(12) }, cancellationToken: Cancellation);
        Assert.Equal("P000012", found.Candidates[0].SubjectId);
        await RpcAssert.FailsWith(StatusCode.Unavailable, "cache.unreachable",
            () => restarted.Cache.VerifyCacheAsync(new VerifyCacheRequest(), cancellationToken: Cancellation).ResponseAsync);

        // Redis comes back empty: the keeper notices the lost sequence and rebuilds it from the local log.
        redis.Launch();
        var verified = await AssertCacheEqualsLocalAsync(restarted);
        Assert.Equal(70ul, verified.RedisSubjects);
        Assert.Equal(ServingStatus.Serving,
            (await restarted.Health.CheckAsync(new HealthCheckRequest { Service = "redis" }, cancellationToken: Cancellation)).Status);
    }

    [Fact]
    public async Task AfterASigkillEveryAcknowledgedRequestIdStillAnswersAndRedisCatchesUp()
    {
        using var redis = RedisServer.Start();
        var directory = NewDataDirectory();
        var arguments = new[] { "--Matcher:RedisConnectionString", redis.ConnectionString };
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<int, EnrollResponse>();
        var attempted = 0;
        await using (var server = await ServerProcess.StartAsync(directory, Cancellation, arguments))
        {
            var stations = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (true)
                {
                    var person = Interlocked.Increment(ref attempted);
                    try
                    {
                        acknowledged[person] = await server.Matcher.EnrollAsync(
                            SyntheticFaces.Enrollment(person, "crash", $"crash:{person}"), cancellationToken: Cancellation);
                    }
                    catch (RpcException)
                    {
                        return;
                    }
                }
            }, Cancellation)).ToList();
            await WaitUntilAsync(() => acknowledged.Count >= 150);
            server.Kill();
            await Task.WhenAll(stations);
        }

        await using var restarted = await ServerProcess.StartAsync(directory, Cancellation, arguments);
        // Every person attempted is retried, as stations do after a lost answer: one subject each, never two.
        for (var person = 1; person <= attempted; person++)
        {
            var retried = await restarted.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "crash", $"crash:{person}"), cancellationToken: Cancellation);
            if (acknowledged.TryGetValue(person, out var original))
            {
                RequestIdTests.AssertSameAnswer(original, retried);
            }
        }
        var stats = await restarted.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal((ulong)attempted, stats.Subjects);
        var cache = new Contracts.V1.Cache.CacheClient(restarted.Calls);
        await WaitUntilAsync(async () => (await cache.VerifyCacheAsync(new VerifyCacheRequest(), cancellationToken: Cancellation)).Equal,
            "Redis never matched the local store after the restart");
    }

    [Fact]
    public async Task AnEmptyNodeRefusesToStartWithoutRedisRatherThanStartEmpty()
    {
        using var redis = RedisServer.Reserve();

        var exception = await Assert.ThrowsAsync<Enrollment.WarmStart.WarmStartRefusedException>(
            () => StartAsync(NewDataDirectory(), redis, "--Matcher:RedisStartupWait", "00:00:01"));

        Assert.Contains("Matcher:RedisStartupWait", exception.Message);
    }

    [Fact]
    public async Task ARedisThatRestartedEmptyIsRebuiltWithItsRequestIdsSoAnotherNodeStillAnswersRetries()
    {
        using var redis = RedisServer.Start();
        var original = new Dictionary<int, EnrollResponse>();
        await using (var first = await StartAsync(NewDataDirectory(), redis))
        {
            for (var person = 0; person < 20; person++)
            {
                original[person] = await first.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "civil", $"station:{person}", DedupMode.InsertIfUnique),
                    cancellationToken: Cancellation);
            }
            await AssertCacheEqualsLocalAsync(first);
            redis.Restart();
            await AssertCacheEqualsLocalAsync(first);
        }

        await using var second = await StartAsync(NewDataDirectory(), redis);
        foreach (var person in new[] { 0, 7, 19 })
        {
            var retried = await second.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "civil", $"station:{person}", DedupMode.InsertIfUnique),
                cancellationToken: Cancellation);
            RequestIdTests.AssertSameAnswer(original[person], retried);
        }
        Assert.Equal(20ul, (await second.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
    }

    [Fact]
    public async Task ASecondNodeOnTheSameKeyPrefixIsRefusedAndTheFirstKeepsItsCache()
    {
        using var redis = RedisServer.Start();
        await using var first = await StartAsync(NewDataDirectory(), redis);
        await first.Matcher.EnrollAsync(SyntheticFaces.Enrollment(1, "civil"), cancellationToken: Cancellation);

        var refused = await Assert.ThrowsAsync<Enrollment.WarmStart.WarmStartRefusedException>(() => StartAsync(NewDataDirectory(), redis));

        Assert.Contains("written by another node", refused.Message);
        await first.Matcher.EnrollAsync(SyntheticFaces.Enrollment(2, "civil"), cancellationToken: Cancellation);
        var verified = await AssertCacheEqualsLocalAsync(first);
        Assert.Equal(2ul, verified.RedisSubjects);
    }

    [Fact]
    public async Task AServerProcessThatMayNotStartSaysWhyAndExitsWithCodeOne()
    {
        using var redis = RedisServer.Reserve();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Matcher.Server.dll"),
            "--Matcher:Port", LoopbackPorts.Free().ToString(),
            "--Matcher:DataDirectory", NewDataDirectory(),
            "--Matcher:RedisConnectionString", redis.ConnectionString,
            "--Matcher:RedisStartupWait", "00:00:01",
            "--Logging:LogLevel:Default", "Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancellation);
        var errors = process.StandardError.ReadToEndAsync(Cancellation);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(Patience);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!Cancellation.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The refused server did not exit within {Patience.TotalSeconds:0} s.");
        }

        var printed = await output + await errors;
        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}; output: {printed}");
        Assert.Contains("refuses to start", printed);
        Assert.Contains("Matcher:RedisStartupWait", printed);
    }

    [Fact]
    public async Task InvalidRedisOptionsStopTheStartWithTheirName()
    {
        var badString = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(NewDataDirectory(),
            "--Matcher:RedisConnectionString", "127.0.0.1:6379,password=secret-value,ssl=maybe"));
        var badPrefix = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(NewDataDirectory(),
            "--Matcher:RedisConnectionString", "127.0.0.1:6379", "--Matcher:RedisKeyPrefix", "two words"));

        Assert.Contains("Matcher:RedisConnectionString", badString.Message);
        Assert.DoesNotContain("secret-value", badString.Message);
        Assert.Contains("Matcher:RedisKeyPrefix", badPrefix.Message);
    }

    private static Task<LoopbackServer> StartAsync(string dataDirectory, RedisServer redis, params string[] extraArguments) =>
        LoopbackServer.StartAsync(dataDirectory, ["--Matcher:RedisConnectionString", redis.ConnectionString, .. extraArguments]);

    /// <summary>Asks the server to compare until Redis has caught up, as `matcher cache verify` does; fails with the differences.</summary>
    private static async Task<VerifyCacheResponse> AssertCacheEqualsLocalAsync(LoopbackServer server)
    {
        VerifyCacheResponse? last = null;
        string? unavailable = null;
        await WaitUntilAsync(async () =>
        {
            try
            {
                last = await server.Cache.VerifyCacheAsync(new VerifyCacheRequest(), cancellationToken: Cancellation);
                return last.Equal && last.LocalSequence == last.RedisSequence;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                unavailable = e.Status.Detail;
                return false;
            }
        }, () => $"Redis never matched the local store; last comparison: {last}; last failure: {unavailable}");
        var stats = await server.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal(stats.Subjects, last!.LocalSubjects);
        Assert.Equal(stats.Subjects, last.RedisSubjects);
        return last;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()), () => "condition never held");

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string failure) => WaitUntilAsync(condition, () => failure);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(50, Cancellation);
        }
    }

    private string NewDataDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("matcher-redis-node-").FullName;
        _dataDirectories.Add(directory);
        return directory;
    }
}
