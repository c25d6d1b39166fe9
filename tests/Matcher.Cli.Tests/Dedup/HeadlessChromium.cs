using System.Diagnostics;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Dedup;

/// <summary>
/// Debian's Chromium (installed by scripts/install-prerequisites.sh) run headless on a local file, as a reviewer's
/// browser would open it: its DOM after parsing and a screenshot of one window. Each run has its own empty profile,
/// and a run that does not finish in time is killed and fails the test.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>
    /// Opens <paramref name="htmlFile"/> in a window of the given size, writes its screenshot (PNG) and returns its DOM as
    /// the browser serialises it after parsing.
    /// </summary>
    public static string Render(string binary, string htmlFile, string pngFile, int width, int height) =>
        Run(binary, htmlFile, "--dump-dom", $"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars").Output;

    /// <summary>The browser binary, or a skip of the calling test saying how to install it.</summary>
    public static string Require()
    {
        var found = Candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Skip($"No Chromium binary found ({string.Join(", ", Candidates)}); scripts/install-prerequisites.sh installs Debian's chromium package.");
        }
        return found;
    }

    private static (string Output, string Error) Run(string binary, string htmlFile, params string[] arguments)
    {
        using var profile = new TemporaryDirectory();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                     $"--user-data-dir={profile.Path}", .. arguments, new Uri(htmlFile).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RunTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{binary} {string.Join(" ", arguments)} did not finish within {RunTimeout.TotalSeconds:0} s and was killed.");
        }
        // Helper processes may hold the pipes a moment longer than the browser itself.
        Assert.True(Task.WaitAll([output, error], RunTimeout), $"{binary} ended but its output was not closed within {RunTimeout.TotalSeconds:0} s.");
        Assert.True(process.ExitCode == 0, $"{binary} {string.Join(" ", arguments)} exited with {process.ExitCode}: {error.Result}");
        return (output.Result, error.Result);
    }
}
