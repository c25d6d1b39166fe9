using Matcher.Core.Errors;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Matcher.Testing;
using Xunit;
using static Matcher.Redis.Tests.MirrorRoundTripTests;

namespace Matcher.Redis.Tests;

public sealed class RequestRecordsTests
{
    [Fact]
    public async Task A_retried_request_id_gets_the_first_response_and_a_second_store_keeps_it()
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        byte[] first = [1, 2, 3, 4];

        Assert.Equal(RequestLookupStatus.NotFound, (await cache.TryGetResponseAsync("station-7:000123")).Status);
        Assert.Equal(RequestStoreOutcome.Stored, await cache.StoreResponseAsync("station-7:000123", first, TimeSpan.FromHours(1)));
        Assert.Equal(RequestStoreOutcome.AlreadyStored, await cache.StoreResponseAsync("station-7:000123", new byte[] { 9 }, TimeSpan.FromHours(1)));

        var retry = await cache.TryGetResponseAsync("station-7:000123");
        Assert.Equal(RequestLookupStatus.Found, retry.Status);
        Assert.Equal(first, retry.Response.ToArray());
    }

    [Fact]
    public async Task A_request_id_is_forgotten_when_its_time_to_live_ends()
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));

        // The test options keep ids for one second; Redis expires them on its own clock.
        Assert.Equal(RequestStoreOutcome.Stored, await cache.StoreResponseAsync("station-7:000124", new byte[] { 5 }));
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Equal(RequestLookupStatus.NotFound, (await cache.TryGetResponseAsync("station-7:000124")).Status);
        Assert.Equal(RequestStoreOutcome.Stored, await cache.StoreResponseAsync("station-7:000124", new byte[] { 6 }));
    }

    [Fact]
    public async Task Request_ids_survive_a_reconnect_and_report_unavailable_while_Redis_is_down()
    {
        using var server = RedisServer.Start();
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        {
            Assert.Equal(RequestStoreOutcome.Stored, await cache.StoreResponseAsync("r-1", new byte[] { 7 }));
        }
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        {
            Assert.Equal(RequestLookupStatus.Found, (await cache.TryGetResponseAsync("r-1")).Status);
            server.Pause();
            Assert.Equal(RequestLookupStatus.Unavailable, (await cache.TryGetResponseAsync("r-1")).Status);
            Assert.Equal(RequestStoreOutcome.Unavailable, await cache.StoreResponseAsync("r-2", new byte[] { 8 }));
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
        await Assert.ThrowsAsync<BiometricInputException>(() => cache.StoreResponseAsync(new string('x', 129), new byte[] { 1 }));
    }
}
