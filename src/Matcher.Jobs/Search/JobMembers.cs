using Matcher.Core.Subjects;
using Matcher.Gallery;

namespace Matcher.Jobs.Search;

/// <summary>
/// A job's subjects: those of a gallery enrolled up to the job's start, to the millisecond the log keeps, in ordinal
/// order of their ids. The order is the job's cursor: a checkpoint names the last id searched.
/// </summary>
internal static class JobMembers
{
    public static IReadOnlyList<SubjectRecord> Of(SubjectIndex index, string gallery, DateTimeOffset asOf) =>
        index.RecordsIn(gallery)
            .Where(record => IsMember(record, asOf))
            .OrderBy(record => record.Key.SubjectId, StringComparer.Ordinal)
            .ToList();

    /// <summary>How many members are still enrolled, without ordering them.</summary>
    public static int CountOf(SubjectIndex index, string gallery, DateTimeOffset asOf) =>
        index.RecordsIn(gallery).Count(record => IsMember(record, asOf));

    public static bool IsMember(SubjectRecord record, DateTimeOffset asOf) =>
        record.EnrolledAt.ToUnixTimeMilliseconds() <= asOf.ToUnixTimeMilliseconds();

    /// <summary>Members after <paramref name="cursor"/>: where a resumed job goes on.</summary>
    public static IReadOnlyList<SubjectRecord> After(IReadOnlyList<SubjectRecord> members, string? cursor)
    {
        if (cursor is null)
        {
            return members;
        }
        var start = 0;
        var end = members.Count;
        while (start < end)
        {
            var middle = (start + end) / 2;
            if (string.CompareOrdinal(members[middle].Key.SubjectId, cursor) <= 0)
            {
                start = middle + 1;
            }
            else
            {
                end = middle;
            }
        }
        return members.Skip(start).ToList();
    }
}
