using Matcher.Load.Prometheus;
using Xunit;

namespace Matcher.Load.Tests;

/// <summary>The strict reader accepts well-formed exposition text and refuses every malformation it claims to catch.</summary>
public sealed class ExpositionTextTests
{
    private const string WellFormed = """
        # HELP requests_total Calls.
        # TYPE requests_total counter
        requests_total{rpc="Matcher/Enroll",outcome="enrolled"} 3
        requests_total{rpc="Matcher/Identify",outcome="candidates",note="a \"quoted\" \\ value\nnext"} 2 1700000000000
        # TYPE duration_seconds histogram
        duration_seconds_bucket{rpc="a",le="0.1"} 1
        duration_seconds_bucket{rpc="a",le="1"} 3
        duration_seconds_bucket{rpc="a",le="+Inf"} 4
        duration_seconds_sum{rpc="a"} 2.5
        duration_seconds_count{rpc="a"} 4
        # TYPE up gauge
        up 1

        """;

    [Fact]
    public void Reads_families_labels_escapes_and_histograms()
    {
        var families = ExpositionText.Parse(WellFormed);

        Assert.Equal(["requests_total", "duration_seconds", "up"], families.Select(f => f.Name));
        Assert.Equal(["counter", "histogram", "gauge"], families.Select(f => f.Type));
        var identify = families.Samples("requests_total").Single(s => s.Label("rpc") == "Matcher/Identify");
        Assert.Equal("a \"quoted\" \\ value\nnext", identify.Label("note"));
        Assert.Equal(2, identify.Value);
        Assert.Equal(4, families.Samples("duration_seconds_count").Single().Value);
    }

    [Theory]
    [InlineData("9bad_name 1", "Invalid metric name")]
    [InlineData("m{rpc=\"a} 1", "Unterminated")]
    [InlineData("m{rpc=\"a\\t\"} 1", "Invalid escape")]
    [InlineData("m{1rpc=\"a\"} 1", "Invalid label name")]
    [InlineData("m{rpc=\"a\" outcome=\"b\"} 1", "separated by commas")]
    [InlineData("m{rpc=\"a\",rpc=\"b\"} 1", "appears twice")]
    [InlineData("m one", "Invalid value")]
    [InlineData("m", "has no value")]
    [InlineData("m 1\n# TYPE m counter", "after its samples")]
    [InlineData("# TYPE m counter\n# TYPE m gauge", "typed twice")]
    [InlineData("# TYPE m thing", "Unknown type")]
    [InlineData("a 1\nb 1\na 2", "do not stand together")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1", "not increasing and cumulative")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1", "+Inf bucket")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1", "no _sum")]
    public void Refuses_malformed_text(string text, string expected)
    {
        var error = Assert.Throws<ExpositionFormatException>(() => ExpositionText.Parse(text));
        Assert.Contains(expected, error.Message);
    }
}
