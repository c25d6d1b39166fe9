namespace Matcher.Core.Subjects;

/// <summary>Everything kept of one enrolled subject: its samples of every modality. Sensitive: never log it.</summary>
public sealed record SubjectRecord(SubjectKey Key, IReadOnlyList<EnrolledSample> Samples, DateTimeOffset EnrolledAt);
