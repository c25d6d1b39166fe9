using System.Security.Cryptography;
using System.Text;
using Matcher.Security.Audit;
using Matcher.Storage.Lines;
using Matcher.Testing;
using Xunit;

namespace Matcher.Security.Tests.Audit;

/// <summary>The chain of keyed hashes over real audit files: intact as written, broken by every kind of tampering.</summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 31, 8, 0, 0, TimeSpan.Zero);

    private static AuditKey NewKey(int seed)
    {
        var secret = new byte[32];
        new Random(seed).NextBytes(secret);
        return new AuditKey(secret);
    }

    private static AuditRecord Record(int i) => new()
    {
        Time = Start.AddSeconds(i),
        Host = "node-1",
        Actor = $"station-{i % 3}",
        Credential = "certificate",
        Role = "station",
        Rpc = "/matcher.v1.Matcher/Identify",
        Phase = AuditPhase.Outcome,
        Outcome = "OK",
        Decision = i % 2 == 0 ? "match" : "no match",
        Galleries = ["north"],
        Subjects = [new AuditSubject("north", $"P{i}")],
        Candidates = [new AuditSubject("north", $"C{i}")],
        Peer = "ipv4:10.0.0.7:51000",
    };

    private static async Task<List<byte[]>> WriteAsync(string path, AuditKey key, int count, int from = 0)
    {
        await using (var trail = AuditTrail.Open(path, key))
        {
            await Task.WhenAll(Enumerable.Range(from, count).Select(i => trail.AppendAsync(Record(i))));
        }
        return DurableLineFile.ReadLines(path).ToList();
    }

    [Fact]
    public async Task AWrittenLogVerifiesAndItsRecordsReadBack()
    {
        using var directory = new TemporaryDirectory();
        var key = NewKey(1);
        var lines = await WriteAsync(directory.Combine("audit.log"), key, 100);

        var verification = AuditChain.Verify(lines, [key]);

        Assert.True(verification.IsIntact);
        Assert.Equal(100, verification.IntactRecords);
        Assert.Equal(64, verification.HeadHash.Length);
        var decoded = lines.Select(l => AuditLineCodec.Decode(l).Record).ToList();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), decoded.Select(r => r.Sequence));
        var seventh = decoded[7];
        var expected = Record(7);
        Assert.Equal((expected.Time, expected.Actor, expected.Decision, expected.Peer), (seventh.Time, seventh.Actor, seventh.Decision, seventh.Peer));
        Assert.Equal(expected.Galleries, seventh.Galleries);
        Assert.Equal(expected.Subjects, seventh.Subjects);
        Assert.Equal(expected.Candidates, seventh.Candidates);
    }

    [Fact]
    public async Task ReopeningContinuesTheChain()
    {
        using var directory = new TemporaryDirectory();
        var key = NewKey(2);
        var path = directory.Combine("audit.log");
        await WriteAsync(path, key, 10);

        var lines = await WriteAsync(path, key, 10, from: 10);

        Assert.Equal(20, AuditChain.Verify(lines, [key]).IntactRecords);
    }

    [Fact]
    public async Task EveryKindOfTamperingBreaksTheChainAtTheRecordConcerned()
    {
        using var directory = new TemporaryDirectory();
        var key = NewKey(3);
        var lines = await WriteAsync(directory.Combine("audit.log"), key, 20);
        var random = new Random(24745);

        var edited = lines.ToList();
        edited[9] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(edited[9]).Replace("station-0", "station-9"));
        var flipped = lines.ToList();
        flipped[4] = (byte[])flipped[4].Clone();
        flipped[4][random.Next(10, flipped[4].Length - 80)] ^= 0x01;
        var removed = lines.Where((_, i) => i != 12).ToList();
        var swapped = lines.ToList();
        (swapped[5], swapped[6]) = (swapped[6], swapped[5]);
        var inserted = lines.ToList();
        inserted.Insert(3, lines[2]);
        var rehashedWithoutKey = lines.ToList();
        var body = AuditLineCodec.Decode(lines[15]).Body;
        rehashedWithoutKey[15] = AuditLineCodec.Line(body, SHA256.HashData(body));

        Assert.Equal(10, AuditChain.Verify(edited, [key]).Break!.Sequence);
        Assert.Equal(5, AuditChain.Verify(flipped, [key]).Break!.Line);
        Assert.Equal((13L, 14L), (AuditChain.Verify(removed, [key]).Break!.Line, AuditChain.Verify(removed, [key]).Break!.Sequence));
        Assert.Equal(6, AuditChain.Verify(swapped, [key]).Break!.Line);
        Assert.Equal(4, AuditChain.Verify(inserted, [key]).Break!.Line);
        Assert.Equal(16, AuditChain.Verify(rehashedWithoutKey, [key]).Break!.Line);
        Assert.Equal(15, AuditChain.Verify(rehashedWithoutKey, [key]).IntactRecords);
    }

    [Fact]
    public async Task RecordsCutFromTheEndLeaveAShorterChainWhoseHeadDiffers()
    {
        using var directory = new TemporaryDirectory();
        var key = NewKey(4);
        var lines = await WriteAsync(directory.Combine("audit.log"), key, 20);
        var noted = AuditChain.Verify(lines, [key]);

        var cut = AuditChain.Verify(lines.Take(17), [key]);

        Assert.True(cut.IsIntact);
        Assert.Equal(17, cut.IntactRecords);
        Assert.NotEqual(noted.HeadHash, cut.HeadHash);
    }

    [Fact]
    public async Task ALogWrittenAcrossAKeyRotationVerifiesWithBothKeysOnly()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("audit.log");
        var (old, current) = (NewKey(5), NewKey(6));
        await WriteAsync(path, old, 5);
        var lines = await WriteAsync(path, current, 5, from: 5);

        Assert.True(AuditChain.Verify(lines, [old, current]).IsIntact);
        var withoutOld = AuditChain.Verify(lines, [current]);
        Assert.Equal(1, withoutOld.Break!.Sequence);
        Assert.Contains($"audit key {old.Id}", withoutOld.Break.Problem);
        var wrongKey = AuditChain.Verify(lines, [new AuditKey(RandomNumberGenerator.GetBytes(32))]);
        Assert.False(wrongKey.IsIntact);
    }

    [Fact]
    public async Task AnUnreadableLastRecordStopsTheChainFromContinuing()
    {
        using var directory = new TemporaryDirectory();
        var key = NewKey(7);
        var path = directory.Combine("audit.log");
        await WriteAsync(path, key, 3);
        File.AppendAllText(path, "{\"seq\":4,\"garbage\"\n");

        var refused = Assert.Throws<InvalidDataException>(() => AuditTrail.Open(path, key));

        Assert.Contains("cannot be continued", refused.Message);
    }

    [Fact]
    public void KeysShorterThan32BytesOrNotBase64AreRefused()
    {
        using var directory = new TemporaryDirectory();
        var shortKey = directory.Combine("short.key");
        File.WriteAllText(shortKey, Convert.ToBase64String(new byte[16]));
        var notBase64 = directory.Combine("text.key");
        File.WriteAllText(notBase64, "correct horse battery staple");

        Assert.Contains("at least 32", Assert.Throws<InvalidDataException>(() => AuditKey.Load(shortKey)).Message);
        Assert.Contains("base64", Assert.Throws<InvalidDataException>(() => AuditKey.Load(notBase64)).Message);
    }

    [Fact]
    public async Task AFilterSelectsByActorSubjectCandidateAndTime()
    {
        using var directory = new TemporaryDirectory();
        var lines = await WriteAsync(directory.Combine("audit.log"), NewKey(8), 30);

        Assert.Equal(10, new AuditFilter { Actor = "station-1" }.Select(lines, 100).Count());
        Assert.Single(new AuditFilter { SubjectId = "P4" }.Select(lines, 100));
        Assert.Single(new AuditFilter { SubjectId = "C4" }.Select(lines, 100));
        Assert.Equal(5, new AuditFilter { Since = Start.AddSeconds(10), Until = Start.AddSeconds(15) }.Select(lines, 100).Count());
        Assert.Equal(30, new AuditFilter { Rpc = "Identify", Gallery = "north" }.Select(lines, 100).Count());
        Assert.Equal(3, new AuditFilter { AfterSequence = 27 }.Select(lines, 100).Count());
        Assert.Equal(7, new AuditFilter().Select(lines, 7).Count());
    }
}
