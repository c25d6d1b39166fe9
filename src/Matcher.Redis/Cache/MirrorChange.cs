namespace Matcher.Redis.Cache;

/// <summary>
/// One enrollment (payload present) or delete (payload null), tagged with its local log sequence; or a marker for a
/// logged record that changes no subject, which only moves the applied sequence along with the local log.
/// </summary>
internal readonly record struct MirrorChange(long Sequence, SubjectAddress Subject, ReadOnlyMemory<byte>? Payload)
{
    public static MirrorChange Marker(long sequence) => new(sequence, default, null);

    public bool IsMarker => Subject.Gallery is null;

    public bool IsDelete => Payload is null;

    public int Size => Payload?.Length ?? 0;
}
