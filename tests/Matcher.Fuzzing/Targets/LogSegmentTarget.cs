using Matcher.Enrollment.Subjects;

namespace Matcher.Fuzzing.Targets;

/// <summary>
/// Start-up over a damaged log segment: a torn tail is cut and reported, any other damage is a
/// <see cref="Storage.Log.LogCorruptedException"/> naming the file and offset.
/// </summary>
internal sealed class LogSegmentTarget : FuzzTarget
{
    private const string SegmentName = "log-00000000000000000001.seg";

    private readonly LogDirectory _directory = new();

    public override string Name => "log-segment";

    public override string Description => "durable log segments read at start-up (framing, checksums, torn tails)";

    public override FuzzOutcome Run(byte[] input) => _directory.OpenWith(SegmentName, input);

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        byte[][] payloads =
        [
            SubjectRecordCodec.Encode(SyntheticSamples.Record(fingers: 1, face: false)),
            [1, 2, 3],
            SubjectRecordCodec.Encode(SyntheticSamples.Record(fingers: 0, face: true))[..64],
        ];
        yield return ("three-records", LogDirectory.Written(payloads, snapshotRecords: 0)[SegmentName]);
    }
}
