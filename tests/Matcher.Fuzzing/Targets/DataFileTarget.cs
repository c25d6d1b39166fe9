using Matcher.Enrollment.Subjects;

namespace Matcher.Fuzzing.Targets;

/// <summary>
/// Start-up over a data directory whose one file is fuzzed: a crash-torn log tail is cut and reported, any other
/// damage is a <see cref="Storage.Log.LogCorruptedException"/> naming the file and offset.
/// </summary>
internal sealed class DataFileTarget(string name, string description, string fileName, int snapshotRecords) : FuzzTarget
{
    private readonly LogDirectory _directory = new();

    public static DataFileTarget LogSegment() =>
        new("log-segment", "durable log segments read at start-up (framing, checksums, torn tails)", "log-00000000000000000001.seg", snapshotRecords: 0);

    public static DataFileTarget Snapshot() =>
        new("snapshot", "snapshots restored at start-up", "snapshot-00000000000000000003.snap", snapshotRecords: 3);

    public override string Name => name;

    public override string Description => description;

    public override FuzzOutcome Run(byte[] input) => _directory.OpenWith(fileName, input);

    /// <summary>The file as a real log writes it for three records: a subject record, a short one and a cut one.</summary>
    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        byte[][] payloads =
        [
            SubjectRecordCodec.Encode(SyntheticSamples.Record(fingers: 1, face: false)),
            [1, 2, 3],
            SubjectRecordCodec.Encode(SyntheticSamples.Record(fingers: 0, face: true))[..64],
        ];
        yield return ("three-records", LogDirectory.Written(payloads, snapshotRecords)[fileName]);
    }
}
