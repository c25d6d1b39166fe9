using Matcher.Core.Subjects;

namespace Matcher.Redis.Cache;

/// <summary>One subject as the cache holds it: its key and its encoded record, opaque here.</summary>
public readonly record struct StoredSubject(SubjectKey Key, ReadOnlyMemory<byte> Payload);
