using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Matcher.Testing;

namespace Matcher.Benchmarks.Storage;

/// <summary>A throw-away redis-server on a free loopback port, without persistence, for the warm-up benchmark.</summary>
internal sealed class RedisBenchmarkServer : IDisposable
{
    private const string BinaryPath = "/usr/bin/redis-server";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "matcher-redis-bench", Guid.NewGuid().ToString("N"));
    private readonly Process process;

    public RedisBenchmarkServer()
    {
        if (!File.Exists(BinaryPath))
        {
            throw new InvalidOperationException($"redis-server not found at {BinaryPath}; run scripts/install-prerequisites.sh.");
        }
        Directory.CreateDirectory(directory);
        Port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(BinaryPath) { RedirectStandardOutput = true };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }
        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        WaitUntilListening();
    }

    public int Port { get; }

    /// <summary>Resident memory high-water mark of the server, from /proc.</summary>
    public long PeakResidentBytes => File.ReadLines($"/proc/{process.Id}/status")
        .Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024)
        .Single();

    /// <summary>Processor time the server has used so far (user + system), from /proc; robust to other load on the machine.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            // Fields 14 and 15 of /proc/[pid]/stat, after the parenthesised command name, in clock ticks (100 per second).
            var fields = File.ReadAllText($"/proc/{process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
        }
    }

    public void Dispose()
    {
        process.Kill();
        process.WaitForExit();
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private void WaitUntilListening()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        throw new TimeoutException($"redis-server did not listen on port {Port} within 10 s.");
    }
}
