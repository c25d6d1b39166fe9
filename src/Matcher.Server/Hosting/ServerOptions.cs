using System.ComponentModel.DataAnnotations;
using System.Net;
using Matcher.Redis.Options;
using Matcher.Server.Security.Options;

namespace Matcher.Server.Hosting;

/// <summary>
/// Everything an operator can set, from appsettings.json, environment variables (Matcher__Port=50051) or the command
/// line (--Matcher:Port 50051). Validated at start-up: a bad value stops the server with a message naming it.
/// </summary>
public sealed partial class ServerOptions : IValidatableObject
{
    public const string Section = "Matcher";

    /// <summary>Address to listen on; loopback by default so nothing is exposed until an operator decides so.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int Port { get; set; } = 50051;

    /// <summary>Largest gRPC message accepted, in bytes: ten fingerprint images and a face photo fit in the default.</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Largest decoded image accepted, in pixels (decompression bombs stop here).</summary>
    [Range(10_000, 100_000_000)]
    public int MaxImagePixels { get; set; } = 4096 * 4096;

    /// <summary>Where the durable log and snapshots live; created when missing.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Changes between two snapshots; a snapshot lets start-up skip replaying the log it covers.</summary>
    [Range(1, 100_000_000)]
    public long SnapshotEveryRecords { get; set; } = 100_000;

    /// <summary>
    /// Identification and duplicate checks: the accepted chance that a search of the whole gallery returns a wrong
    /// person. The score threshold follows from it and the gallery size N: -10 * log10(rate / N).
    /// </summary>
    [Range(1e-9, 0.5)]
    public double TargetFalsePositiveIdentificationRate { get; set; } = 0.01;

    /// <summary>Verification: the accepted chance that an impostor is accepted as the claimed subject.</summary>
    [Range(1e-9, 0.5)]
    public double TargetFalseMatchRate { get; set; } = 0.0001;

    /// <summary>Candidates returned when a request does not say how many.</summary>
    [Range(1, 1000)]
    public int DefaultMaxCandidates { get; set; } = 10;

    /// <summary>Shards per gallery; 0 means one per core.</summary>
    [Range(0, 1024)]
    public int Shards { get; set; }

    /// <summary>
    /// A listed subject's leading samples (the face and two fingers) must fuse to this score before its other fingers
    /// are compared; 0 compares every sample of every listed subject (see GalleryOptions.ContinuationScore).
    /// </summary>
    [Range(0, 60)]
    public double ContinuationScore { get; set; } = 16;

    /// <summary>Folder with the face model manifest and .onnx files; empty means MATCHER_MODELS, else models/ of the checkout.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>
    /// StackExchange.Redis configuration string of the warm cache, for example
    /// <c>cache1:6379,user=matcher,password=secret,ssl=true</c>. Empty means embedded mode: no Redis at all.
    /// </summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>First segment of every Redis key, so several deployments can share one Redis.</summary>
    public string RedisKeyPrefix { get; set; } = "matcher";

    /// <summary>
    /// How long a node with an empty data directory waits for Redis at start-up before giving up: it must fill from
    /// Redis, and starting empty instead would later rebuild Redis from nothing.
    /// </summary>
    public TimeSpan RedisStartupWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an enrollment's request id is remembered (local log and Redis) so a retry gets the original answer.</summary>
    public TimeSpan RequestIdTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Face quality gate and face engine settings (section Matcher:Face).</summary>
    public FaceServerOptions Face { get; set; } = new();

    /// <summary>Batch dedup jobs (section Matcher:Jobs).</summary>
    public JobServerOptions Jobs { get; set; } = new();
    /// <summary>TLS, identities, roles, limits and the audit log (section Matcher:Security).</summary>
    public SecurityOptions Security { get; set; } = new();

    public bool UsesRedis => !string.IsNullOrWhiteSpace(RedisConnectionString);

    public RedisCacheOptions ToRedisCacheOptions() => new()
    {
        ConnectionString = RedisConnectionString ?? "",
        KeyPrefix = RedisKeyPrefix,
        StartupWait = RedisStartupWait,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequestIdTimeToLive < TimeSpan.FromSeconds(1) || RequestIdTimeToLive > TimeSpan.FromDays(30))
        {
            yield return new ValidationResult(
                $"Matcher:RequestIdTimeToLive '{RequestIdTimeToLive}' must lie between 00:00:01 and 30.00:00:00 (days.hours:minutes:seconds).",
                [nameof(RequestIdTimeToLive)]);
        }
        if (RedisStartupWait < TimeSpan.Zero || RedisStartupWait > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult(
                $"Matcher:RedisStartupWait '{RedisStartupWait}' must lie between 00:00:00 and 01:00:00.", [nameof(RedisStartupWait)]);
        }
        foreach (var securityProblem in Security.Validate(ListenAddress))
        {
            yield return securityProblem;
        }
        foreach (var faceProblem in Face.Validate())
        {
            yield return faceProblem;
        }
        foreach (var jobProblem in Jobs.Validate())
        {
            yield return jobProblem;
        }
        if (RedisProblem() is { } problem)
        {
            yield return problem;
        }
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult(
                $"Matcher:ListenAddress '{ListenAddress}' is not an IP address (for example 127.0.0.1 or 0.0.0.0).",
                [nameof(ListenAddress)]);
        }
        if (!string.IsNullOrWhiteSpace(ModelDirectory) && !Directory.Exists(ModelDirectory))
        {
            yield return new ValidationResult(
                $"Matcher:ModelDirectory '{ModelDirectory}' does not exist. Fetch the models with ./scripts/fetch-models.sh.",
                [nameof(ModelDirectory)]);
        }
    }

    private ValidationResult? RedisProblem()
    {
        if (!UsesRedis)
        {
            return RedisConnectionString is { Length: > 0 }
                ? new ValidationResult("Matcher:RedisConnectionString is blank; remove it to run without Redis.", [nameof(RedisConnectionString)])
                : null;
        }
        try
        {
            ToRedisCacheOptions().Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            var option = e.ParamName == nameof(RedisCacheOptions.KeyPrefix) ? nameof(RedisKeyPrefix) : nameof(RedisConnectionString);
            // The parser's message never repeats the connection string, which may hold a password.
            return new ValidationResult($"Matcher:{option}: {e.Message.Split(" (Parameter")[0]}", [option]);
        }
    }
}
