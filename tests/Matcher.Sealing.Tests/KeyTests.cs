using Matcher.Sealing;
using Matcher.Sealing.Keys;
using Matcher.Testing;
using Xunit;

namespace Matcher.Sealing.Tests;

public sealed class KeyTests
{
    [Fact]
    public void A_generated_key_file_is_owner_only_never_overwritten_and_loads_to_the_same_key()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("master.key");
        var written = MasterKey.WriteNew(path);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.Equal(written.Fingerprint, MasterKey.Load(path).Fingerprint);
        Assert.Equal(16, written.Fingerprint.Length);
        Assert.Throws<IOException>(() => MasterKey.WriteNew(path));
    }

    [Fact]
    public void A_key_file_or_variable_without_a_key_is_refused_with_its_name()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("short.key");
        File.WriteAllText(path, Convert.ToBase64String(new byte[16]));
        Assert.Contains($"file '{path}' holds 16 bytes", Assert.Throws<SealingException>(() => MasterKey.Load(path)).Message);
        File.WriteAllText(path, "not base64!");
        Assert.Contains("must be base64 text", Assert.Throws<SealingException>(() => MasterKey.Load(path)).Message);
        Assert.Contains("cannot be read", Assert.Throws<SealingException>(() => MasterKey.Load(directory.Combine("absent.key"))).Message);

        const string Variable = "MATCHER_SEALING_TESTS_MASTER_KEY";
        Environment.SetEnvironmentVariable(Variable, null);
        Assert.Contains($"{Variable} that should hold the master key is not set", Assert.Throws<SealingException>(() => MasterKey.FromEnvironment(Variable)).Message);
        var key = MasterKey.WriteNew(directory.Combine("env.key"));
        Environment.SetEnvironmentVariable(Variable, File.ReadAllText(directory.Combine("env.key")));
        Assert.Equal(key.Fingerprint, MasterKey.FromEnvironment(Variable).Fingerprint);
        Environment.SetEnvironmentVariable(Variable, null);
    }

    [Fact]
    public void A_data_key_unwraps_only_with_its_master_key_and_a_damaged_one_is_told_apart()
    {
        var master = MasterKey.Generate();
        var other = MasterKey.Generate();
        var dataKey = DataKey.Generate();
        var wrapped = dataKey.WrapWith(master);
        Assert.Equal(DataKey.WrappedSize, wrapped.Length);

        using var original = dataKey.CreateSealer();
        using var unwrapped = DataKey.Unwrap(wrapped, master, "test").CreateSealer();
        Assert.Equal(original.KeyId, unwrapped.KeyId);
        Assert.Equal([7, 7], unwrapped.TryOpen(original.Seal([7, 7], "c"u8), "c"u8));

        var wrong = Assert.Throws<SealingException>(() => DataKey.Unwrap(wrapped, other, "test"));
        Assert.Contains($"wrapped by master key {master.Fingerprint}", wrong.Message);
        Assert.Contains("matcher keys rotate", wrong.Message);

        var damaged = wrapped.ToArray();
        damaged[^1] ^= 1;
        Assert.Contains("is damaged", Assert.Throws<SealingException>(() => DataKey.Unwrap(damaged, master, "test")).Message);
        var renamed = wrapped.ToArray();
        renamed[8] ^= 1;
        Assert.Contains("is damaged", Assert.Throws<SealingException>(() => DataKey.Unwrap(renamed, master, "test")).Message);
        Assert.Contains("is damaged", Assert.Throws<SealingException>(() => DataKey.Unwrap(wrapped[..^1], master, "test")).Message);

        using var rewrapped = DataKey.Unwrap(DataKey.Unwrap(wrapped, master, "test").WrapWith(other), other, "test").CreateSealer();
        Assert.Equal(original.KeyId, rewrapped.KeyId);
    }
}
