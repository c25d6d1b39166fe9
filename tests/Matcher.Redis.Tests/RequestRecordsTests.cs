using Matcher.Core.Errors;
using Matcher.Redis.Cache;
using Matcher.Testing;
using Xunit;
using static Matcher.Redis.Tests.MirrorRoundTripTests;

namespace Matcher.Redis.Tests;

/// <summary>Request ids reach Redis only through the mirror, with the change they belong to, and through rebuilds.</summary>
public sealed class RequestRecordsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_request_id_travels_with_its_enrollment_and_with_a_change_that_enrolled_nothing()
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        Assert.Equal(RequestLookupStatus.NotFound, (await cache.TryGetResponseAsync("station-7:000123")).Status);

        await using (var mirror = cache.StartMirror(0))
        {
            mirror.MirrorEnrolled("civil", "A", 1, new byte[] { 1 }, new MirroredRequest("station-7:000123", new byte[] { 1, 2, 3, 4 }, expires));
            mirror.MirrorUnchanged(2, new MirroredRequest("station-7:000124", new byte[] { 5 }, expires));
            Assert.True(await mirror.WaitUntilAppliedAsync(2, Wait, TestContext.Current.CancellationToken));
        }

        var enrolled = await cache.TryGetResponseAsync("station-7:000123");
        Assert.Equal(RequestLookupStatus.Found, enrolled.Status);
        Assert.Equal([1, 2, 3, 4], enrolled.Response.ToArray());
        Assert.Equal([5], (await cache.TryGetResponseAsync("station-7:000124")).Response.ToArray());
    }

    [Fact]
    public async Task Redis_forgets_a_request_id_at_its_expiry()
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        await using (var mirror = cache.StartMirror(0))
        {
            mirror.MirrorUnchanged(1, new MirroredRequest("expired", new byte[] { 5 }, DateTimeOffset.UtcNow.AddSeconds(-1)));
            mirror.MirrorUnchanged(2, new MirroredRequest("live", new byte[] { 6 }, DateTimeOffset.UtcNow.AddHours(1)));
            Assert.True(await mirror.WaitUntilAppliedAsync(2, Wait, TestContext.Current.CancellationToken));
        }
        Assert.Equal(RequestLookupStatus.NotFound, (await cache.TryGetResponseAsync("expired")).Status);
        Assert.Equal(RequestLookupStatus.Found, (await cache.TryGetResponseAsync("live")).Status);
    }

    [Fact]
    public async Task A_rebuild_rewrites_the_live_request_ids_of_a_Redis_that_lost_them()
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        var request = new MirroredRequest("station-9:000001", new byte[] { 8, 9 }, DateTimeOffset.UtcNow.AddHours(1));

        await cache.RebuildAsync([new StoredSubject(new("civil", "A"), new byte[] { 1 })], [request], 3, TestContext.Current.CancellationToken);

        Assert.Equal([8, 9], (await cache.TryGetResponseAsync("station-9:000001")).Response.ToArray());
        Assert.Equal(3, await cache.GetAppliedSequenceAsync());
    }

    [Fact]
    public async Task A_lookup_while_Redis_is_down_says_unavailable()
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        server.Pause();
        try
        {
            Assert.Equal(RequestLookupStatus.Unavailable, (await cache.TryGetResponseAsync("r-1")).Status);
        }
        finally
        {
            server.Resume();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("é")]
    public async Task Malformed_request_ids_are_the_stations_input_error(string requestId)
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        var error = await Assert.ThrowsAsync<BiometricInputException>(() => cache.TryGetResponseAsync(requestId));
        Assert.Equal("request.id_invalid", error.ReasonCode);
    }
}
