namespace Matcher.Storage.Log;

/// <summary>A record that has its place in the log: its final sequence number, and the wait for it to reach disk.</summary>
/// <param name="Sequence">The record's sequence number, assigned when it was queued.</param>
/// <param name="Durable">Completes with <paramref name="Sequence"/> once the record is fsynced; faults if the write failed.</param>
public readonly record struct LogAppend(long Sequence, Task<long> Durable);
