using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Matcher.Cli.Tests.Service;
using Matcher.Contracts.V1;
using Matcher.Imaging;
using Xunit;

namespace Matcher.Cli.Tests.Dedup;

/// <summary>
/// Needs a real server and Debian's Chromium: the adjudication report of a real job over a legacy folder (see
/// <see cref="LegacyDedupJob"/>), rendered headless; its DOM and screenshot are checked for structure, not pixels.
/// </summary>
public sealed partial class DedupReportTests(LegacyDedupJob job) : IClassFixture<LegacyDedupJob>
{
    private const int WindowWidth = 1280;
    private const int WindowHeight = 2400;

    private static readonly string Marked = LegacyDedupJob.Marked;

    private GetJobResultsResponse Results => job.Results;

    [Fact]
    public void AReportOfARealJobRendersInChromiumWithOneSectionPerClusterItsScoresAndItsImages()
    {
        job.RequireDatasets();
        var chromium = HeadlessChromium.Require();
        var found = Results.Pairs.Select(p => Key(p.Subject.SubjectId, p.Other.SubjectId)).ToHashSet();
        Assert.Contains(Key("ana", "ana again"), found);
        Assert.Contains(Key(Marked, "ben-2"), found);
        Assert.Equal([Marked, "ben-2", "ben-3"], Results.Clusters.Single(c => c.Members.Any(m => m.SubjectId == Marked)).Members.Select(m => m.SubjectId).Order(StringComparer.Ordinal));

        var report = job.Folder.Combine("report.html");
        var written = job.Run("dedup", "report", job.JobId, "--output", report, "--manifest", job.Manifest);
        Assert.True(written.ExitCode == 0, written.Error);
        var expectedImages = Results.Pairs.Sum(ExpectedImages);
        var members = Results.Clusters.SelectMany(c => c.Members).Distinct().Count();
        Assert.Equal($"{Results.Clusters.Count} cluster(s), {Results.Pairs.Count} pair(s), {expectedImages} image(s) written to {report}{Environment.NewLine}" +
            $"  {members} of the job's {members} subject(s) found in the manifest(s){Environment.NewLine}", written.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(report));
        }

        var screenshot = job.Folder.Combine("report.png");
        var dom = HeadlessChromium.Render(chromium, report, screenshot, WindowWidth, WindowHeight);

        var sections = ClusterSection().Matches(dom);
        Assert.Equal(Results.Clusters.Select(c => c.Cluster.ToString(CultureInfo.InvariantCulture)), sections.Select(m => m.Groups["id"].Value));
        var images = ImageElement().Matches(dom);
        Assert.Equal(expectedImages, images.Count);
        Assert.All(images, m => Assert.StartsWith("data:image/", m.Groups["src"].Value));
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), dom);
        Assert.DoesNotContain("<b>", dom, StringComparison.Ordinal);
        Assert.Contains(DomText(Marked), dom);
        Assert.Contains("legacy roll 1998", dom);
        Assert.Contains(job.JobId, dom);
        var pairsInClusterOrder = Results.Clusters.SelectMany(c => Results.Pairs.Where(p => p.Cluster == c.Cluster).OrderByDescending(p => p.Scores.Score));
        Assert.Equal(pairsInClusterOrder.Select(p => Score(p.Scores.Score)), PairScore().Matches(dom).Select(m => m.Groups["score"].Value));
        foreach (var (section, cluster) in sections.Zip(Results.Clusters))
        {
            var body = dom[section.Index..NextSectionStart(dom, section)];
            Assert.All(cluster.Members, m => Assert.Contains(DomText(m.SubjectId), body));
            Assert.Equal(Results.Pairs.Count(p => p.Cluster == cluster.Cluster), PairScore().Matches(body).Count);
            Assert.All(Results.Pairs.Where(p => p.Cluster == cluster.Cluster).SelectMany(p => p.Scores.FingerScores),
                finger => Assert.Contains($">{Score(finger.Score)}<", body));
        }

        var picture = ImageDecoder.DecodeRgb(File.ReadAllBytes(screenshot));
        Assert.Equal((WindowWidth, WindowHeight), (picture.Width, picture.Height));
        var (colours, vivid) = Colours(picture);
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {colours} distinct colours, {vivid} vivid pixels");
        Assert.True(colours >= 2000, $"The screenshot has only {colours} distinct colours: the report looks blank.");
        Assert.True(vivid >= 500, $"Only {vivid} vivid pixels: no drawn minutiae are visible in the first {WindowHeight} px.");
    }

    [Fact]
    public void WithoutAManifestTheReportHoldsIdsAndScoresOnlyAndAnUnknownJobOrClusterWritesNothing()
    {
        job.RequireDatasets();
        var report = job.Folder.Combine("ids-only.html");

        var written = job.Run("dedup", "report", job.JobId, "-o", report);

        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Equal($"{Results.Clusters.Count} cluster(s), {Results.Pairs.Count} pair(s), 0 image(s) written to {report}{Environment.NewLine}", written.Output);
        var html = File.ReadAllText(report);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("No manifest was given", html);
        Assert.DoesNotContain(Marked, html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Marked), html);

        var ben = Results.Clusters.Single(c => c.Members.Any(m => m.SubjectId == Marked)).Cluster;
        var one = Run("--cluster", ben.ToString(CultureInfo.InvariantCulture));
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.StartsWith($"1 cluster(s), {Results.Pairs.Count(p => p.Cluster == ben)} pair(s), 0 image(s) written to", one.Output);
        Assert.Single(ClusterSection().Matches(File.ReadAllText(job.Folder.Combine("one.html"))));

        var missing = job.Folder.Combine("missing.html");
        var noSuchCluster = job.Run("dedup", "report", job.JobId, "--output", missing, "--cluster", "999");
        Assert.Equal(1, noSuchCluster.ExitCode);
        Assert.StartsWith($"Job {job.JobId} has no cluster 999; its clusters are 1 to {Results.Clusters.Count}. No report was written.", noSuchCluster.Error);
        var unknown = job.Run("dedup", "report", "dedup-424242", "--output", missing);
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("NotFound job.not_found", unknown.Error);
        Assert.False(File.Exists(missing));
        Assert.Empty(Directory.EnumerateFiles(job.Folder.Path, "*.tmp"));
    }

    private CliResult Run(params string[] options) => job.Run(["dedup", "report", job.JobId, "-o", job.Folder.Combine("one.html"), .. options]);

    /// <summary>A compared finger with both samples in the manifest is one picture; a pair whose subjects both have faces adds two.</summary>
    private static int ExpectedImages(CandidatePair pair)
    {
        var subject = LegacyDedupJob.People.Single(p => p.Id == pair.Subject.SubjectId);
        var other = LegacyDedupJob.People.Single(p => p.Id == pair.Other.SubjectId);
        var fingers = pair.Scores.FingerScores.Count(f =>
            subject.Fingers.Any(s => s.Position == Name(f.Position)) && other.Fingers.Any(s => s.Position == Name(f.Position)));
        return fingers + (subject.Face is not null && other.Face is not null ? 2 : 0);
    }

    private static string Name(FingerPosition position) => position switch
    {
        FingerPosition.RightIndex => "right-index",
        FingerPosition.LeftIndex => "left-index",
        _ => position.ToString(),
    };

    private static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? $"{a}|{b}" : $"{b}|{a}";

    /// <summary>How Chromium serialises text: &amp;, &lt; and &gt; escaped, quotes as they are.</summary>
    private static string DomText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static int NextSectionStart(string dom, Match section)
    {
        var next = dom.IndexOf("<section class=\"cluster\"", section.Index + section.Length, StringComparison.Ordinal);
        return next < 0 ? dom.Length : next;
    }

    /// <summary>Distinct colours, and pixels far from grey (the drawn minutiae and links: prints and text are grey).</summary>
    private static (int Distinct, int Vivid) Colours(RgbImage picture)
    {
        var distinct = new HashSet<int>();
        var vivid = 0;
        for (var i = 0; i < picture.Pixels.Length; i += 3)
        {
            int r = picture.Pixels[i], g = picture.Pixels[i + 1], b = picture.Pixels[i + 2];
            distinct.Add(r << 16 | g << 8 | b);
            vivid += Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 120 ? 1 : 0;
        }
        return (distinct.Count, vivid);
    }

    [GeneratedRegex("<section class=\"cluster\" id=\"cluster-(?<id>[0-9]+)\"")]
    private static partial Regex ClusterSection();

    [GeneratedRegex("<img src=\"(?<src>[^\"]*)\"")]
    private static partial Regex ImageElement();

    [GeneratedRegex("<article class=\"pair\" data-score=\"(?<score>[0-9.]+)\"")]
    private static partial Regex PairScore();

    [GeneratedRegex("(src|href)=\"(https?:|//)")]
    private static partial Regex ExternalReference();
}
