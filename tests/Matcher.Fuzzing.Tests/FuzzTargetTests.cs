using Matcher.Testing;
using Xunit;

namespace Matcher.Fuzzing.Tests;

/// <summary>
/// The fuzz harness without AFL: every target's seeds are inputs its reader accepts (so AFL starts from the reader's
/// valid shapes, not from its first refusal), and every input AFL once reported as a crash
/// (tests/Matcher.Fuzzing/Regressions/TARGET/) is now read or refused the documented way.
/// </summary>
public sealed class FuzzTargetTests
{
    private static readonly string RegressionsRoot = Path.Combine(Datasets.RepositoryRoot, "tests", "Matcher.Fuzzing", "Regressions");

    public static TheoryData<string> Targets() => new(FuzzTargets.All.Select(t => t.Name));

    public static TheoryData<string, string> Regressions()
    {
        var cases = new TheoryData<string, string>();
        foreach (var directory in Directory.EnumerateDirectories(RegressionsRoot).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                cases.Add(Path.GetFileName(directory), Path.GetFileName(file));
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_is_accepted_by_its_reader(string targetName)
    {
        var target = FuzzTargets.Find(targetName)!;
        var seeds = target.Seeds().ToList();
        Assert.NotEmpty(seeds);
        Assert.All(seeds, seed => Assert.Equal(FuzzOutcome.Accepted, target.Run(seed.Bytes)));
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_former_crash_is_now_read_or_refused(string targetName, string input)
    {
        var target = FuzzTargets.Find(targetName);
        Assert.True(target is not null, $"Regressions/{targetName} names no fuzz target.");
        Assert.Equal(FuzzOutcome.Refused, target.Run(File.ReadAllBytes(Path.Combine(RegressionsRoot, targetName, input))));
    }

    [Fact]
    public void Every_target_has_a_distinct_name_the_script_can_pass()
    {
        var names = FuzzTargets.All.Select(t => t.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[a-z][a-z-]*$", name));
    }
}
