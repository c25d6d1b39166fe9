using System.Diagnostics;

namespace Matcher.Benchmarks.Service;

/// <summary>
/// Processor time per subject over every invocation of a run (client and server share the process). On a machine that
/// other work shares, subjects/s reflect the cores this run got; processor time per subject does not, and 2 cores
/// divided by it bounds what an idle 2-core machine can reach.
/// </summary>
internal static class ProcessorTime
{
    public static void Report(TimeSpan atStart, long subjects)
    {
        var used = Process.GetCurrentProcess().TotalProcessorTime - atStart;
        var perSubject = used.TotalMicroseconds / Math.Max(1, subjects);
        Console.WriteLine($"// processor time: {used.TotalSeconds:0.0} s for {subjects} subjects, {perSubject:0} us per subject, " +
            $"at most {2_000_000 / perSubject:0} subjects/s on 2 idle cores");
    }
}
