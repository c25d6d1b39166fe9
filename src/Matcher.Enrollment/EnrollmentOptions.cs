using Matcher.Sealing.Keys;

namespace Matcher.Enrollment;

/// <summary>How the enrollment core keeps its data.</summary>
/// <param name="DataDirectory">Where the durable log and snapshots live; created when missing.</param>
/// <param name="SnapshotEveryRecords">Changes between two snapshots; start-up replays only the log after the last one.</param>
/// <param name="RequestIdTimeToLive">How long an enrollment's request id is remembered so a retry gets the original answer.</param>
/// <param name="MasterKey">Seals the log, the snapshots and the Redis values (encryption at rest); null keeps them plaintext.</param>
public sealed record EnrollmentOptions(string DataDirectory, long SnapshotEveryRecords, TimeSpan RequestIdTimeToLive, MasterKey? MasterKey = null);
