using Google.Protobuf;
using Matcher.Cli.Tests.Service;
using Matcher.Contracts.V1;
using Matcher.Testing;
using StackExchange.Redis;
using Xunit;
using Station = Matcher.Cli.Tests.Service.Cli;

namespace Matcher.Cli.Tests.Cache;

/// <summary>Needs a real redis-server: `matcher cache verify` and `matcher cache rebuild` against a running service.</summary>
public sealed class CacheCommandsTests
{
    [Fact]
    public async Task VerifyListsWhatRedisLostAndRebuildRepairsIt()
    {
        using var redis = RedisServer.Start();
        await using var service = await LoopbackService.StartAsync("--Matcher:RedisConnectionString", redis.ConnectionString);
        CliResult Run(params string[] args) => Station.Run([.. args, "--server", service.Address]);
        foreach (var (id, finger) in new[] { ("carol", 106), ("dave", 107), ("erin", 108) })
        {
            Assert.Equal(0, Run("enroll", "--id", id, "--gallery", "cli", "--finger", $"right-thumb={Station.IsoTemplate(finger, 1)}", "--mode", "insert").ExitCode);
        }
        var agreed = await VerifyUntilEqualAsync(Run);
        Assert.StartsWith("Redis matches the local store: 3 subject(s)", agreed.Output);

        // Someone removes a subject behind the service's back: only a comparison can notice.
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            Assert.True(await connection.GetDatabase().HashDeleteAsync("matcher:v1:subjects:cli", "dave"));
        }
        var differs = Run("cache", "verify");
        Assert.Equal(3, differs.ExitCode);
        Assert.Contains("missing in Redis: 1", differs.Output);
        Assert.Contains("    cli/dave", differs.Output);
        var json = JsonParser.Default.Parse<VerifyCacheResponse>(Run("cache", "verify", "--json").Output);
        Assert.Equal("dave", json.MissingInRedis.Single().SubjectId);

        var rebuilt = Run("cache", "rebuild");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Error);
        Assert.StartsWith("Redis rebuilt from the local store: 3 subject(s)", rebuilt.Output);
        Assert.Equal(0, Run("cache", "verify").ExitCode);
    }

    [Fact]
    public async Task AServerWithoutRedisSaysSo()
    {
        await using var service = await LoopbackService.StartAsync();

        var result = Station.Run("cache", "verify", "--server", service.Address);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FailedPrecondition cache.not_configured", result.Error);
        Assert.Contains("Matcher:RedisConnectionString", result.Error);
    }

    /// <summary>The mirror writes shortly after each enrollment; verify waits for it, and this allows a little more.</summary>
    private static async Task<CliResult> VerifyUntilEqualAsync(Func<string[], CliResult> run)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = run(["cache", "verify"]);
            if (result.ExitCode == 0 || attempt == 50)
            {
                Assert.True(result.ExitCode == 0, result.Output + result.Error);
                return result;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
