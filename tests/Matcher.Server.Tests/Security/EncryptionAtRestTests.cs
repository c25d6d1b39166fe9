using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Enrollment.Subjects;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Sealing;
using Matcher.Sealing.Keys;
using Matcher.Storage.Log;
using Matcher.Storage.Sealing;
using Matcher.Testing;
using StackExchange.Redis;
using Xunit;

namespace Matcher.Server.Tests.Security;

/// <summary>
/// Encryption at rest on the real server over loopback, with a real redis-server: no template or embedding bytes in
/// the data directory or Redis, tampering and key mistakes stop the start, and a rotated master key keeps every subject.
/// </summary>
public sealed class EncryptionAtRestTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _keys = new();
    private readonly List<string> _dataDirectories = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _dataDirectories.ForEach(directory => Directory.Delete(directory, recursive: true));
        _keys.Dispose();
    }

    [Fact]
    public async Task A_sealed_node_keeps_no_template_or_embedding_bytes_in_its_files_or_in_redis()
    {
        using var redis = RedisServer.Start();
        var plainDirectory = NewDataDirectory();
        var sealedDirectory = NewDataDirectory();
        var masterKey = NewKeyFile("master.key");

        await using (var plain = await LoopbackServer.StartAsync(plainDirectory, WithRedis(redis, "plain", "--Matcher:SnapshotEveryRecords", "2")))
        {
            await EnrollKnownSubjectAsync(plain);
            await WaitForRedisAsync(plain);
        }
        await using (var sealedNode = await LoopbackServer.StartAsync(sealedDirectory,
            [.. WithRedis(redis, "sealed", "--Matcher:SnapshotEveryRecords", "2"), .. Sealed(masterKey)]))
        {
            await EnrollKnownSubjectAsync(sealedNode);
            await WaitForRedisAsync(sealedNode);
        }

        // The needles come from the plaintext node's own record of the subject, and are found in its files and values:
        // a search that finds nothing in the sealed node's is a real finding, not a wrong needle.
        var (template, embedding) = Needles(await SubjectValueAsync(redis, "plain"));
        var plainFiles = FilesUnder(plainDirectory);
        var plainValues = await redis.ValuesUnderAsync("plain");
        Assert.Contains(plainFiles, file => Holds(file, template) && Holds(file, embedding));
        Assert.Contains(plainValues, value => Holds(value, template) && Holds(value, embedding));

        var sealedFiles = FilesUnder(sealedDirectory);
        var sealedValues = await redis.ValuesUnderAsync("sealed");
        Assert.NotEmpty(Directory.GetFiles(sealedDirectory, "snapshot-*.snap"));
        Assert.True(sealedFiles.Count >= 4, $"only {sealedFiles.Count} files under the sealed data directory");
        Assert.True(sealedValues.Count >= 3, $"only {sealedValues.Count} Redis values under the sealed prefix");
        Assert.All(sealedFiles, file => Assert.False(Holds(file, template) || Holds(file, embedding)));
        Assert.All(sealedValues, value => Assert.False(Holds(value, template) || Holds(value, embedding)));
    }

    [Fact]
    public async Task Rotating_the_master_key_keeps_every_subject_the_old_key_is_refused_and_redis_is_sealed_again()
    {
        using var redis = RedisServer.Start();
        var directory = NewDataDirectory();
        var oldKey = NewKeyFile("old.key");
        var newKey = NewKeyFile("new.key");
        await using (var node = await LoopbackServer.StartAsync(directory, [.. WithRedis(redis, "rotated"), .. Sealed(oldKey)]))
        {
            for (var person = 0; person < 30; person++)
            {
                await node.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "civil"), cancellationToken: Cancellation);
            }
            await WaitForRedisAsync(node);
        }

        var rewrapped = DirectoryKey.RotateAll(directory, MasterKey.Load(oldKey), MasterKey.Load(newKey));
        Assert.Equal([directory, Path.Combine(directory, "jobs")], rewrapped.Select(r => r.Directory));

        var refused = await Assert.ThrowsAsync<SealingException>(() => LoopbackServer.StartAsync(directory, [.. WithRedis(redis, "rotated"), .. Sealed(oldKey)]));
        Assert.Contains(DirectoryKey.PathIn(directory), refused.Message);
        Assert.Contains($"wrapped by master key {MasterKey.Load(newKey).Fingerprint}", refused.Message);

        await using (var node = await LoopbackServer.StartAsync(directory, [.. WithRedis(redis, "rotated"), .. Sealed(newKey)]))
        {
            Assert.Equal(30ul, (await node.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
            var found = await node.Matcher.IdentifyAsync(new IdentifyRequest { Samples = SyntheticFaces.Of(17) }, cancellationToken: Cancellation);
            Assert.Equal("P000017", found.Candidates[0].SubjectId);
            // Redis still holds values under the old master key's data key; the node rebuilds them under its own.
            await WaitForRedisAsync(node);
        }

        // A new node with the old key cannot open the cache and refuses rather than start empty; one with the new key fills from it.
        var refusedFill = await Assert.ThrowsAsync<Enrollment.WarmStart.WarmStartRefusedException>(
            () => LoopbackServer.StartAsync(NewDataDirectory(), [.. WithRedis(redis, "rotated"), .. Sealed(oldKey)]));
        Assert.Contains("cannot be filled from Redis", refusedFill.Message);
        Assert.Contains($"wrapped by master key {MasterKey.Load(newKey).Fingerprint}", refusedFill.Message);
        await using var warmed = await LoopbackServer.StartAsync(NewDataDirectory(), [.. WithRedis(redis, "rotated"), .. Sealed(newKey)]);
        Assert.Equal(30ul, (await warmed.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
    }

    [Fact]
    public async Task A_flipped_byte_a_missing_key_a_wrong_key_or_a_plaintext_directory_stops_the_start_with_a_clear_reason()
    {
        var directory = NewDataDirectory();
        var masterKey = NewKeyFile("master.key");
        await using (var node = await LoopbackServer.StartAsync(directory, [.. Sealed(masterKey), "--Matcher:SnapshotEveryRecords", "5"]))
        {
            for (var person = 0; person < 8; person++)
            {
                await node.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "civil"), cancellationToken: Cancellation);
            }
        }
        var keyFile = DirectoryKey.PathIn(directory);

        var missing = await Assert.ThrowsAsync<SealingException>(() => LoopbackServer.StartAsync(directory));
        Assert.Contains(keyFile, missing.Message);
        Assert.Contains("no master key was given", missing.Message);
        var wrong = await Assert.ThrowsAsync<SealingException>(() => LoopbackServer.StartAsync(directory, Sealed(NewKeyFile("other.key"))));
        Assert.Contains(keyFile, wrong.Message);

        var snapshot = await WaitForSnapshotAsync(directory);
        var bytes = File.ReadAllBytes(snapshot);
        const int Offset = 100;
        bytes[Offset] ^= 0x01;
        File.WriteAllBytes(snapshot, bytes);
        var damaged = await Assert.ThrowsAsync<LogCorruptedException>(() => LoopbackServer.StartAsync(directory, Sealed(masterKey)));
        Assert.Equal(snapshot, damaged.FilePath);
        Assert.Contains($"The snapshot '{snapshot}' is damaged at byte", damaged.Message);
        Assert.True(damaged.Offset <= Offset, $"reported offset {damaged.Offset} lies after the flipped byte {Offset}");

        var plainDirectory = NewDataDirectory();
        await using (var plain = await LoopbackServer.StartAsync(plainDirectory))
        {
            await plain.Matcher.EnrollAsync(SyntheticFaces.Enrollment(1, "civil"), cancellationToken: Cancellation);
        }
        var plaintext = await Assert.ThrowsAsync<SealingException>(() => LoopbackServer.StartAsync(plainDirectory, Sealed(masterKey)));
        Assert.Contains("holds plaintext records", plaintext.Message);
        await using var unchanged = await LoopbackServer.StartAsync(plainDirectory);
        Assert.Equal(1ul, (await unchanged.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Subjects);
    }

    [Fact]
    public async Task An_unreadable_master_key_option_stops_the_start_naming_the_option()
    {
        var empty = _keys.Combine("empty.key");
        File.WriteAllText(empty, "");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(NewDataDirectory(), Sealed(empty)));
        Assert.Contains("Matcher:Security:Encryption:MasterKeyFile", error.Message);
        var both = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(NewDataDirectory(),
            [.. Sealed(NewKeyFile("both.key")), "--Matcher:Security:Encryption:MasterKeyEnvironmentVariable", "MATCHER_MASTER_KEY"]));
        Assert.Contains("Set only one of Matcher:Security:Encryption:MasterKeyFile and Matcher:Security:Encryption:MasterKeyEnvironmentVariable", both.Message);
    }

    /// <summary>A fingerprint from a real FVC2002 image and a face embedding, so both kinds of biometric bytes are stored.</summary>
    private static async Task EnrollKnownSubjectAsync(LoopbackServer server)
    {
        var samples = SyntheticFaces.Of(4242);
        samples.Fingerprints.Add(Samples.FvcImage("DB1_B", 101, 1));
        await server.Matcher.EnrollAsync(new EnrollRequest { Gallery = "civil", SubjectId = "known", Samples = samples }, cancellationToken: Cancellation);
        for (var person = 0; person < 3; person++)
        {
            await server.Matcher.EnrollAsync(SyntheticFaces.Enrollment(person, "civil"), cancellationToken: Cancellation);
        }
    }

    /// <summary>A 48-byte run from the middle of the first finger's native template (its minutiae) and 64 bytes of the embedding.</summary>
    private static (byte[] Template, byte[] Embedding) Needles(byte[] record)
    {
        var subject = SubjectRecordCodec.Decode(record);
        var finger = subject.Samples.OfType<EnrolledFinger>().Single();
        var native = TemplateCodecs.Export(finger.Template, Fingerprint.Templates.TemplateFormat.Native, finger.Position);
        var middle = native.Length / 2 - 24;
        var face = subject.Samples.OfType<Face.Indexing.EnrolledFace>().Single();
        var embedding = face.Embedding.AsSpan(200, 16).ToArray().SelectMany(BitConverter.GetBytes).ToArray();
        return (native[middle..(middle + 48)], embedding);
    }

    private static bool Holds(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static List<byte[]> FilesUnder(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Where(path => !path.EndsWith("LOCK", StringComparison.Ordinal))
            .Select(File.ReadAllBytes).ToList();

    private static async Task<byte[]> SubjectValueAsync(RedisServer redis, string prefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var value = await connection.GetDatabase().HashGetAsync($"{prefix}:v1:subjects:civil", "known");
        Assert.False(value.IsNull, $"Redis prefix {prefix} holds no value of subject civil/known");
        return (byte[])value!;
    }


    private static async Task WaitForRedisAsync(LoopbackServer server)
    {
        var deadline = DateTime.UtcNow + Patience;
        VerifyCacheResponse? last = null;
        while (true)
        {
            try
            {
                last = await server.Cache.VerifyCacheAsync(new VerifyCacheRequest(), cancellationToken: Cancellation);
                if (last.Equal && last.LocalSequence == last.RedisSequence)
                {
                    return;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
            }
            Assert.True(DateTime.UtcNow < deadline, $"Redis never matched the local store; last comparison: {last}");
            await Task.Delay(50, Cancellation);
        }
    }

    private static async Task<string> WaitForSnapshotAsync(string directory)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? snapshot;
        while ((snapshot = Directory.GetFiles(directory, "snapshot-*.snap").SingleOrDefault()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no snapshot was written in '{directory}'");
            await Task.Delay(50, Cancellation);
        }
        return snapshot;
    }

    private static string[] WithRedis(RedisServer redis, string prefix, params string[] more) =>
        ["--Matcher:RedisConnectionString", redis.ConnectionString, "--Matcher:RedisKeyPrefix", prefix, .. more];

    private static string[] Sealed(string keyFile) => ["--Matcher:Security:Encryption:MasterKeyFile", keyFile];

    private string NewKeyFile(string name)
    {
        var path = _keys.Combine(name);
        MasterKey.WriteNew(path);
        return path;
    }

    private string NewDataDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("matcher-sealed-node-").FullName;
        _dataDirectories.Add(directory);
        return directory;
    }
}
