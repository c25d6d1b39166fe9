using Matcher.Enrollment.Subjects;

namespace Matcher.Fuzzing.Targets;

/// <summary>
/// The subject record every log record, snapshot record and Redis value holds. A damaged record is refused with
/// <see cref="InvalidDataException"/>, which start-up and the warm cache report as damage, whatever part was damaged.
/// </summary>
internal sealed class SubjectRecordTarget : FuzzTarget
{
    public override string Name => "subject-record";

    public override string Description => "subject records of the log, snapshots and the Redis warm cache";

    public override FuzzOutcome Run(byte[] input)
    {
        try
        {
            var record = SubjectRecordCodec.Decode(input);
            SubjectRecordCodec.Encode(record);
            return FuzzOutcome.Accepted;
        }
        catch (InvalidDataException)
        {
            return FuzzOutcome.Refused;
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("two-fingers-and-face", SubjectRecordCodec.Encode(SyntheticSamples.Record(fingers: 2, face: true)));
        yield return ("one-finger", SubjectRecordCodec.Encode(SyntheticSamples.Record(fingers: 1, face: false)));
    }
}
