using System.Buffers.Binary;
using System.Text;
using Matcher.Core.Subjects;
using Matcher.Enrollment.Requests;
using Matcher.Storage.Log;

namespace Matcher.Enrollment.Subjects;

/// <summary>The record types of the local log and snapshots, and how they are replayed into memory.</summary>
internal sealed partial class SubjectStore
{
    private const byte EnrolledRecord = 1;
    private const byte DeletedRecord = 2;

    /// <summary>A request id and the enrollment it made, in one record so a crash cannot keep one without the other.</summary>
    private const byte EnrolledForRequestRecord = 3;

    /// <summary>A request id whose enrollment inserted nothing; in snapshots, every live request id.</summary>
    private const byte RequestOutcomeRecord = 4;

    public void RestoreSnapshotRecord(byte recordType, ReadOnlySpan<byte> payload) => Apply(recordType, payload);

    public void ReplayLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> payload) => Apply(recordType, payload);

    private static IEnumerable<SnapshotRecord> SnapshotRecords(IEnumerable<SubjectRecord> records, IEnumerable<RequestIdRecord> requests) =>
        records.Select(r => new SnapshotRecord(EnrolledRecord, SubjectRecordCodec.Encode(r)))
            .Concat(requests.Select(r => new SnapshotRecord(RequestOutcomeRecord, RequestIdRecordCodec.Encode(r))));

    private void Apply(byte recordType, ReadOnlySpan<byte> payload)
    {
        switch (recordType)
        {
            case EnrolledRecord:
                Replace(SubjectRecordCodec.Decode(payload));
                break;
            case DeletedRecord:
                Index.Remove(DecodeKey(payload));
                break;
            case EnrolledForRequestRecord:
                RequestIds.Add(RequestIdRecordCodec.Decode(payload, out var length));
                Replace(SubjectRecordCodec.Decode(payload[length..]));
                break;
            case RequestOutcomeRecord:
                RequestIds.Add(RequestIdRecordCodec.Decode(payload, out _));
                break;
            default:
                throw new InvalidDataException($"The data directory holds a record of unknown type {recordType}; it was written by a newer version.");
        }
    }

    private void Replace(SubjectRecord record)
    {
        Index.Remove(record.Key);
        Index.Add(record);
    }

    private static byte[] EncodeKey(SubjectKey key)
    {
        var gallery = Encoding.UTF8.GetBytes(key.Gallery);
        var subject = Encoding.UTF8.GetBytes(key.SubjectId);
        var bytes = new byte[2 + gallery.Length + subject.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, checked((ushort)gallery.Length));
        gallery.CopyTo(bytes, 2);
        subject.CopyTo(bytes, 2 + gallery.Length);
        return bytes;
    }

    private static SubjectKey DecodeKey(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2 || BinaryPrimitives.ReadUInt16LittleEndian(payload) > payload.Length - 2)
        {
            throw new InvalidDataException("A delete record in the log is malformed.");
        }
        var galleryLength = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        return new SubjectKey(Encoding.UTF8.GetString(payload.Slice(2, galleryLength)), Encoding.UTF8.GetString(payload[(2 + galleryLength)..]));
    }
}
