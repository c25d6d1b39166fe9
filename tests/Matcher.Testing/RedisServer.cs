using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;

namespace Matcher.Testing;

/// <summary>
/// A real redis-server on a free loopback port with its own temporary directory and no persistence, which a test can
/// kill (losing its data, as a crashed cache node does), restart, or pause and resume (unreachable but keeping its
/// data, as behind a broken network). Shared by the storage and server tests.
/// </summary>
public sealed partial class RedisServer : IDisposable
{
    public const string BinaryPath = "/usr/bin/redis-server";
    private const int SignalStop = 19;
    private const int SignalContinue = 18;

    private readonly string directory = Directory.CreateTempSubdirectory("matcher-redis-").FullName;
    private Process? process;
    private bool paused;

    private RedisServer()
    {
        Port = LoopbackPorts.Free();
    }

    public int Port { get; }

    /// <summary>Timeouts short enough that an outage is noticed within a second.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000,connectRetry=1";

    public static RedisServer Start()
    {
        if (!File.Exists(BinaryPath))
        {
            Assert.Skip($"redis-server not found at {BinaryPath}; install it with scripts/install-prerequisites.sh (Debian package redis-server).");
        }
        var server = new RedisServer();
        server.Launch();
        return server;
    }

    /// <summary>A port chosen but with no server behind it yet, for tests that start before Redis does.</summary>
    public static RedisServer Reserve()
    {
        if (!File.Exists(BinaryPath))
        {
            Assert.Skip($"redis-server not found at {BinaryPath}; install it with scripts/install-prerequisites.sh (Debian package redis-server).");
        }
        return new RedisServer();
    }

    public void Launch()
    {
        var start = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--logfile", Path.Combine(directory, "redis.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }
        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        WaitUntilAnswering();
    }

    /// <summary>SIGKILL: the server and everything it held are gone.</summary>
    public void Kill()
    {
        if (process is null)
        {
            return;
        }
        Resume();
        process.Kill();
        process.WaitForExit();
        process.Dispose();
        process = null;
    }

    public void Restart()
    {
        Kill();
        Launch();
    }

    /// <summary>SIGSTOP: connections stay open but nothing answers, like a network partition.</summary>
    public void Pause()
    {
        Signal(SignalStop);
        paused = true;
    }

    public void Resume()
    {
        if (paused)
        {
            Signal(SignalContinue);
            paused = false;
        }
    }

    public void Dispose()
    {
        Kill();
        Directory.Delete(directory, recursive: true);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    private void Signal(int signal)
    {
        if (process is not null && SendSignal(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Signal {signal} to redis-server failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private void WaitUntilAnswering()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start: {process.StandardError.ReadToEnd()} {ReadLog()}");
            }
            if (AnswersPing())
            {
                return;
            }
            Thread.Sleep(20);
        }
        throw new TimeoutException($"redis-server did not answer on port {Port} within 10 s. {ReadLog()}");
    }

    private bool AnswersPing()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var reply = new byte[16];
            var read = stream.Read(reply);
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(directory, "redis.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }
}
