namespace Matcher.Redis.Cache;

/// <summary>
/// An enrollment request id and its recorded answer, carried to Redis in the same mirrored change as the enrollment
/// it made (or as a change of its own when nothing was enrolled), so the answer reaches Redis exactly when, and in the
/// order, the local log holds it. Redis forgets it at <see cref="ExpiresAt"/>.
/// </summary>
public readonly record struct MirroredRequest(string RequestId, ReadOnlyMemory<byte> Record, DateTimeOffset ExpiresAt);
