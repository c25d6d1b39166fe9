using StackExchange.Redis;

namespace Matcher.Testing;

public sealed partial class RedisServer
{
    /// <summary>Every string value and hash field value under keys starting with <paramref name="prefix"/>, as bytes.</summary>
    public async Task<List<byte[]>> ValuesUnderAsync(string prefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true");
        var database = connection.GetDatabase();
        var values = new List<byte[]>();
        foreach (var key in connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: prefix + ":*"))
        {
            var type = await database.KeyTypeAsync(key);
            if (type == RedisType.String)
            {
                values.Add((byte[])(await database.StringGetAsync(key))!);
            }
            else if (type == RedisType.Hash)
            {
                values.AddRange((await database.HashGetAllAsync(key)).Select(entry => (byte[])entry.Value!));
            }
        }
        return values;
    }
}
