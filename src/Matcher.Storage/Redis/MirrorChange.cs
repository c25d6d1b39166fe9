namespace Matcher.Storage.Redis;

/// <summary>One enrollment (payload present) or delete (payload null), tagged with its local log sequence.</summary>
internal readonly record struct MirrorChange(long Sequence, SubjectAddress Subject, ReadOnlyMemory<byte>? Payload)
{
    public bool IsDelete => Payload is null;

    public int Size => Payload?.Length ?? 0;
}
