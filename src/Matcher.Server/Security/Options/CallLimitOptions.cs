using System.ComponentModel.DataAnnotations;

namespace Matcher.Server.Security.Options;

/// <summary>
/// Abuse limits per identity (a certificate or token subject; unauthenticated callers per network address): a token
/// bucket of <see cref="Calls"/> per <see cref="Period"/> that can save up to <see cref="Burst"/>, and at most
/// <see cref="ConcurrentCalls"/> calls at a time. A call beyond either gets RESOURCE_EXHAUSTED. Health is exempt.
/// </summary>
public sealed class CallLimitOptions
{
    public int Calls { get; set; } = 50;

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    public int Burst { get; set; } = 100;

    public int ConcurrentCalls { get; set; } = 16;

    internal IEnumerable<ValidationResult> Validate()
    {
        if (Calls is < 1 or > 1_000_000)
        {
            yield return new ValidationResult($"Matcher:Security:Limits:Calls {Calls} must lie between 1 and 1000000.", [nameof(Calls)]);
        }
        if (Period < TimeSpan.FromMilliseconds(10) || Period > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"Matcher:Security:Limits:Period '{Period}' must lie between 00:00:00.01 and 1.00:00:00.", [nameof(Period)]);
        }
        if (Burst < 1 || Burst > 1_000_000)
        {
            yield return new ValidationResult($"Matcher:Security:Limits:Burst {Burst} must lie between 1 and 1000000.", [nameof(Burst)]);
        }
        if (ConcurrentCalls is < 1 or > 10_000)
        {
            yield return new ValidationResult($"Matcher:Security:Limits:ConcurrentCalls {ConcurrentCalls} must lie between 1 and 10000.", [nameof(ConcurrentCalls)]);
        }
    }
}
