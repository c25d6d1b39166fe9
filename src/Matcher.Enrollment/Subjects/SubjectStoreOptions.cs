namespace Matcher.Enrollment.Subjects;

internal sealed record SubjectStoreOptions(string DataDirectory, long SnapshotEveryRecords, TimeSpan RequestIdTimeToLive);
