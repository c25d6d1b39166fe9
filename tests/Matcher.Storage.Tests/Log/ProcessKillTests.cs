using System.Buffers.Binary;
using System.Diagnostics;
using Matcher.Testing;
using Xunit;

namespace Matcher.Storage.Tests.Log;

public sealed class ProcessKillTests
{
    private const int AcknowledgementsBeforeKill = 400;

    /// <summary>Far longer than the child needs for 400 acknowledgements (about a second): only a hung child takes this long.</summary>
    private static readonly TimeSpan AcknowledgementPatience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Every_record_acknowledged_before_a_SIGKILL_is_there_after_reopening()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var patience = new CancellationTokenSource(AcknowledgementPatience, TimeProvider.System);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellation, patience.Token);
        using var directory = new TemporaryDirectory();
        var acknowledged = new Dictionary<long, (int Writer, int Index)>();

        using (var child = Process.Start(ChildStartInfo(directory.Path))!)
        {
            try
            {
                string? line;
                try
                {
                    while (acknowledged.Count < AcknowledgementsBeforeKill && (line = await child.StandardOutput.ReadLineAsync(reading.Token)) is not null)
                    {
                        var parts = line.Split(' ');
                        acknowledged[long.Parse(parts[0])] = (int.Parse(parts[1]), int.Parse(parts[2]));
                    }
                }
                catch (OperationCanceledException) when (patience.IsCancellationRequested)
                {
                    Assert.Fail($"The child acknowledged only {acknowledged.Count} records in {AcknowledgementPatience.TotalMinutes} minutes.");
                }
                if (acknowledged.Count < AcknowledgementsBeforeKill)
                {
                    Assert.Fail($"The child stopped early: {await child.StandardError.ReadToEndAsync(cancellation)}");
                }
            }
            finally
            {
                // Also when the test fails: a surviving child would append forever.
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(cancellation);
            }
        }

        var (log, target) = LogFixture.Open(LogFixture.Options(directory.Path, segmentSizeLimit: 64 << 10));
        await using (log)
        {
            var replayed = target.LogRecords.ToDictionary(r => r.Sequence);
            Assert.Equal(Enumerable.Range(1, target.LogRecords.Count).Select(s => (long)s), target.LogRecords.Select(r => r.Sequence));
            foreach (var (sequence, (writer, index)) in acknowledged)
            {
                Assert.True(replayed.TryGetValue(sequence, out var record), $"acknowledged sequence {sequence} was lost");
                Assert.Equal(CrashChild.Payload(writer, index), record.Payload);
            }
            // Unacknowledged records may survive too, but each writer's records still form a gap-free prefix.
            foreach (var writerRecords in target.LogRecords.GroupBy(r => r.Type))
            {
                var indexes = writerRecords.Select(r => BinaryPrimitives.ReadInt32LittleEndian(r.Payload.AsSpan(4))).ToList();
                Assert.Equal(Enumerable.Range(0, indexes.Count), indexes);
            }
        }
    }

    /// <summary>Starts this same test executable, which turns into <see cref="CrashChild"/> because of the variable.</summary>
    private static ProcessStartInfo ChildStartInfo(string directory)
    {
        var host = Environment.ProcessPath!;
        var startInfo = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            startInfo.ArgumentList.Add(typeof(CrashChild).Assembly.Location);
        }
        startInfo.Environment[CrashChild.DirectoryVariable] = directory;
        return startInfo;
    }
}
