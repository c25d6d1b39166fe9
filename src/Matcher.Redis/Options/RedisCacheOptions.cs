using StackExchange.Redis;

namespace Matcher.Redis.Options;

/// <summary>
/// Settings of the Redis warm cache. Without a connection string the service runs embedded (local log only), so
/// these options exist only when Redis is configured.
/// </summary>
public sealed class RedisCacheOptions
{
    /// <summary>
    /// StackExchange.Redis configuration string, for example
    /// <c>cache1:6380,user=matcher,password=secret,ssl=true,sslHost=cache1.example</c>.
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>First segment of every key, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; init; } = "matcher";

    /// <summary>Most queued changes written by one pipelined transaction.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Most payload bytes written by one transaction, so one batch cannot stall Redis for long.</summary>
    public int MaxBatchBytes { get; init; } = 8 << 20;

    /// <summary>
    /// Changes kept while Redis is unreachable. Past this the oldest are dropped and the mirror asks for a full
    /// rebuild from the local log rather than leave Redis silently incomplete.
    /// </summary>
    public int MaxQueuedChanges { get; init; } = 250_000;

    /// <summary>Subjects asked for per HSCAN round trip during warm-up and verification.</summary>
    public int ScanPageSize { get; init; } = 4096;

    /// <summary>
    /// How long a node with an empty data directory waits for Redis at start-up before refusing to start: it must fill
    /// from Redis, and starting empty instead would later rebuild Redis from nothing.
    /// </summary>
    public TimeSpan StartupWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between attempts to reach Redis while it is down.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    internal ConfigurationOptions ToConfiguration()
    {
        Validate();
        var configuration = ParseConnectionString(ConnectionString);
        // Start and keep running while Redis is down; the multiplexer reconnects in the background.
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "matcher";
        return configuration;
    }

    /// <summary>Checks every option without connecting; the message names the option and never repeats the password.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("The Redis connection string is empty; remove the option to run without Redis.", nameof(ConnectionString));
        }
        if (string.IsNullOrWhiteSpace(KeyPrefix) || KeyPrefix.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The Redis key prefix must be a non-empty word without spaces.", nameof(KeyPrefix));
        }
        RequireRange(BatchSize, 1, 100_000, nameof(BatchSize));
        RequireRange(MaxBatchBytes, 4096, 512 << 20, nameof(MaxBatchBytes));
        RequireRange(MaxQueuedChanges, 1, 100_000_000, nameof(MaxQueuedChanges));
        RequireRange(ScanPageSize, 10, 1_000_000, nameof(ScanPageSize));
        if (StartupWait < TimeSpan.Zero || StartupWait > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("The Redis start-up wait must be between zero and one hour.", nameof(StartupWait));
        }
        if (RetryDelay <= TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException("The Redis retry delay must be between 1 ms and one minute.", nameof(RetryDelay));
        }
        ParseConnectionString(ConnectionString);
    }

    private static ConfigurationOptions ParseConnectionString(string connectionString)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException exception)
        {
            // The string may hold a password, so only the parser's reason is repeated, never the string itself.
            throw new ArgumentException($"The Redis connection string is not valid: {exception.Message}", nameof(ConnectionString), exception);
        }
        if (configuration.EndPoints.Count == 0)
        {
            throw new ArgumentException("The Redis connection string names no server; expected host:port followed by options such as password=... or ssl=true.", nameof(ConnectionString));
        }
        return configuration;
    }

    private static void RequireRange(int value, int minimum, int maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentException($"The Redis option {name} must be between {minimum} and {maximum}; it is {value}.", name);
        }
    }
}
