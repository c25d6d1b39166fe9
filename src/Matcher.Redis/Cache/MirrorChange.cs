using Matcher.Core.Subjects;

namespace Matcher.Redis.Cache;

/// <summary>
/// One enrollment (payload present) or delete (payload null), tagged with its local log sequence; or a marker for a
/// logged record that changes no subject, which only moves the applied sequence along with the local log. Either may
/// carry the request id that asked for it.
/// </summary>
internal readonly record struct MirrorChange(long Sequence, SubjectKey Subject, ReadOnlyMemory<byte>? Payload, MirroredRequest? Request = null)
{
    public static MirrorChange Marker(long sequence, MirroredRequest? request = null) => new(sequence, default, null, request);

    public bool IsMarker => Subject.Gallery is null;

    public bool IsDelete => Payload is null;

    public int Size => (Payload?.Length ?? 0) + (Request?.Record.Length ?? 0);
}
