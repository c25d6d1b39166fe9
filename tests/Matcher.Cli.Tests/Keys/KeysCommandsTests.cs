using Matcher.Sealing.Keys;
using Matcher.Storage.Log;
using Matcher.Storage.Sealing;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Keys;

/// <summary>`matcher keys generate` and `matcher keys rotate` on real files and real sealed logs.</summary>
public sealed class KeysCommandsTests
{
    [Fact]
    public void Generate_writes_an_owner_only_key_file_and_never_overwrites_one()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("master.key");

        var result = Service.Cli.Run("keys", "generate", "-o", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Master key {MasterKey.Load(path).Fingerprint} written to {path}", result.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        var before = File.ReadAllText(path);
        var again = Service.Cli.Run("keys", "generate", "-o", path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Error);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public async Task Rotate_rewraps_the_data_directory_and_the_job_log_so_only_the_new_key_opens_them()
    {
        using var directory = new TemporaryDirectory();
        var oldKey = directory.Combine("old.key");
        var newKey = directory.Combine("new.key");
        Assert.Equal(0, Service.Cli.Run("keys", "generate", "-o", oldKey).ExitCode);
        Assert.Equal(0, Service.Cli.Run("keys", "generate", "-o", newKey).ExitCode);
        var data = directory.Combine("data");
        var jobs = Path.Combine(data, "jobs");
        await WriteSealedAsync(data, MasterKey.Load(oldKey), [1, 2, 3]);
        await WriteSealedAsync(jobs, MasterKey.Load(oldKey), [4, 5]);

        var result = Service.Cli.Run("keys", "rotate", "--data-directory", data, "--old-key-file", oldKey, "--new-key-file", newKey);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{DirectoryKey.PathIn(data)}: data key", result.Output);
        Assert.Contains($"{DirectoryKey.PathIn(jobs)}: data key", result.Output);
        Assert.Equal([[1, 2, 3]], await ReadSealedAsync(data, MasterKey.Load(newKey)));
        Assert.Equal([[4, 5]], await ReadSealedAsync(jobs, MasterKey.Load(newKey)));

        var stale = Service.Cli.Run("keys", "rotate", "--data-directory", data, "--old-key-file", oldKey, "--new-key-file", newKey);
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains(DirectoryKey.PathIn(data), stale.Error);
        Assert.Contains($"wrapped by master key {MasterKey.Load(newKey).Fingerprint}", stale.Error);

        var plain = directory.Combine("plain");
        Directory.CreateDirectory(plain);
        var notSealed = Service.Cli.Run("keys", "rotate", "--data-directory", plain, "--old-key-file", oldKey, "--new-key-file", newKey);
        Assert.Equal(1, notSealed.ExitCode);
        Assert.Contains("is not sealed", notSealed.Error);
    }

    private static async Task WriteSealedAsync(string directory, MasterKey master, byte[] payload)
    {
        await using var log = DurableLog.Open(new DurableLogOptions { DataDirectory = directory, MasterKey = master }, new RecordingTarget());
        await log.AppendAsync(1, payload);
    }

    private static async Task<List<byte[]>> ReadSealedAsync(string directory, MasterKey master)
    {
        var target = new RecordingTarget();
        await using var log = DurableLog.Open(new DurableLogOptions { DataDirectory = directory, MasterKey = master }, target);
        return target.LogRecords.Select(r => r.Payload).ToList();
    }
}
