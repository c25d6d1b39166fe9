namespace Matcher.Enrollment.WarmStart;

/// <summary>What a warm start read from Redis: subjects kept, cache entries that could not be used, bytes and time.</summary>
internal sealed record WarmFillResult(long Subjects, long Skipped, long Bytes, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
