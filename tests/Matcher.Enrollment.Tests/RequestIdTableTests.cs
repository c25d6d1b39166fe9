using Matcher.Core.Subjects;
using Matcher.Enrollment.Requests;
using Matcher.Testing;
using Xunit;

namespace Matcher.Enrollment.Tests;

/// <summary>The in-memory request-id table forgets ids after their time-to-live, so it stays bounded by the enrollment rate.</summary>
public sealed class RequestIdTableTests
{
    [Fact]
    public void IdsExpireInTheOrderTheyWereRecordedAndTheTableShrinks()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var table = new RequestIdTable(TimeSpan.FromHours(1), clock);
        for (var i = 0; i < 1000; i++)
        {
            table.Add(Record($"r{i}", clock.GetUtcNow()));
            clock.Advance(TimeSpan.FromSeconds(3));
        }
        Assert.Equal(1000, table.Count);

        clock.Advance(TimeSpan.FromMinutes(30));
        table.Add(Record("late", clock.GetUtcNow()));

        // Ids were recorded at 0, 3, ..., 2997 s; at 4800 s those of 1200 s and earlier (r0 to r400) are an hour old.
        Assert.Equal(600, table.Count);
        Assert.Null(table.Find("r400"));
        Assert.NotNull(table.Find("r401"));
        Assert.Equal(600, table.Live().Count);
    }

    [Fact]
    public void AnIdAlreadyExpiredWhenReplayedIsNotKept()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var table = new RequestIdTable(TimeSpan.FromHours(24), clock);

        table.Add(Record("old", clock.GetUtcNow() - TimeSpan.FromDays(2)));

        Assert.Equal(0, table.Count);
        Assert.Null(table.Find("old"));
    }

    private static RequestIdRecord Record(string id, DateTimeOffset at) => new(id, new SubjectKey("g", "s-" + id), at, new byte[] { 1, 2 });
}
