namespace Matcher.Redis.Cache;

/// <summary>One subject as the cache sees it: its gallery, its id and its encoded record, opaque to storage.</summary>
public readonly record struct StoredSubject(string Gallery, string SubjectId, ReadOnlyMemory<byte> Payload);
