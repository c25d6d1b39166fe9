using Matcher.Enrollment.Subjects;

namespace Matcher.Fuzzing.Targets;

/// <summary>Start-up from a damaged snapshot: refused with a <see cref="Storage.Log.LogCorruptedException"/>.</summary>
internal sealed class SnapshotTarget : FuzzTarget
{
    private const string SnapshotName = "snapshot-00000000000000000002.snap";

    private readonly LogDirectory _directory = new();

    public override string Name => "snapshot";

    public override string Description => "snapshots restored at start-up";

    public override FuzzOutcome Run(byte[] input) => _directory.OpenWith(SnapshotName, input);

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        byte[][] payloads = [SubjectRecordCodec.Encode(SyntheticSamples.Record(fingers: 1, face: false)), [7, 7, 7]];
        yield return ("two-records", LogDirectory.Written(payloads, snapshotRecords: 2)[SnapshotName]);
    }
}
