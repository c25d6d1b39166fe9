using Matcher.Sealing.Keys;

namespace Matcher.Enrollment.Subjects;

internal sealed record SubjectStoreOptions(string DataDirectory, long SnapshotEveryRecords, TimeSpan RequestIdTimeToLive, MasterKey? MasterKey = null);
