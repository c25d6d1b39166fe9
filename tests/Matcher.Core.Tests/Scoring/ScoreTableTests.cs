using Matcher.Core.Scoring;
using Xunit;

namespace Matcher.Core.Tests.Scoring;

public sealed class ScoreTableTests
{
    [Fact]
    public void Values_on_the_grid_map_exactly_and_between_grid_points_take_the_lower_one()
    {
        var table = new ScoreTable(x => 2 * x, minimum: -1, maximum: 1, steps: 9);

        Assert.Equal(-2f, table.ScoreOf(-1));
        Assert.Equal(0f, table.ScoreOf(0));
        Assert.Equal(0.5f, table.ScoreOf(0.25f));
        Assert.Equal(0.5f, table.ScoreOf(0.3f));
        Assert.Equal(2f, table.ScoreOf(1));
    }

    [Fact]
    public void Values_outside_the_grid_and_NaN_take_the_end_scores()
    {
        var table = new ScoreTable(x => x, minimum: 0, maximum: 10, steps: 11);

        Assert.Equal(0f, table.ScoreOf(-1e9f));
        Assert.Equal(0f, table.ScoreOf(float.NaN));
        Assert.Equal(10f, table.ScoreOf(1e9f));
        Assert.Equal(10f, table.ScoreOf(float.PositiveInfinity));
        Assert.Equal(0f, table.ScoreOf(float.NegativeInfinity));
    }

    [Fact]
    public void A_range_without_width_or_a_single_step_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ScoreTable(x => x, 1, 1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreTable(x => x, 0, 1, 1));
    }
}
