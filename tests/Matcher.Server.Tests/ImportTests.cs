using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Matcher.Contracts.V1;
using Xunit;

namespace Matcher.Server.Tests;

/// <summary>Bulk import over loopback gRPC into the real server: counts, idempotence, failures that stop nothing, durability.</summary>
public sealed class ImportTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const int RealFingers = 40;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>
    /// Subject <paramref name="n"/>: the real SecuGen ISO templates of one FVC2002 finger (right index) and of the next
    /// one (left index), in one of their eight impressions, and a seeded face of its own. Beyond 40 subjects fingers
    /// repeat in other impressions; the face tells the subjects apart.
    /// </summary>
    internal static ImportSubjectRequest Subject(string gallery, int n, string? subjectId = null)
    {
        var samples = SyntheticFaces.Of(10_000 + n);
        var impression = 1 + n / RealFingers % 8;
        samples.Fingerprints.Add(RealFinger(n % RealFingers, impression, FingerPosition.RightIndex));
        samples.Fingerprints.Add(RealFinger((n + 1) % RealFingers, impression, FingerPosition.LeftIndex));
        return new ImportSubjectRequest { Gallery = gallery, SubjectId = subjectId ?? $"I{n:D5}", Samples = samples };
    }

    private static FingerprintSample RealFinger(int finger, int impression, FingerPosition position) =>
        Samples.IsoTemplate($"DB{1 + finger / 10}_B", 101 + finger % 10, impression, position);

    internal static async Task<ImportSubjectsResponse> ImportAsync(LoopbackServer target, IEnumerable<ImportSubjectRequest> subjects)
    {
        using var call = target.Matcher.ImportSubjects(cancellationToken: Cancellation);
        foreach (var subject in subjects)
        {
            await call.RequestStream.WriteAsync(subject, Cancellation);
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private static async Task<ulong> SubjectsIn(LoopbackServer target, string gallery) =>
        (await target.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Galleries.FirstOrDefault(g => g.Gallery == gallery)?.Subjects ?? 0;

    internal static async Task<string?> IdentifiedAsync(LoopbackServer target, string gallery, int n)
    {
        var probe = SyntheticFaces.Of(10_000 + n);
        probe.Fingerprints.Add(RealFinger(n % RealFingers, 1 + (n / RealFingers + 4) % 8, FingerPosition.RightIndex));
        var identified = await target.Matcher.IdentifyAsync(new IdentifyRequest { Samples = probe, Galleries = { gallery } }, cancellationToken: Cancellation);
        return identified.Candidates.FirstOrDefault()?.SubjectId;
    }

    [Fact]
    public async Task ImportsRealTemplatesOnceAndIdentifyFindsThem()
    {
        const string gallery = "import-real";
        var subjects = Enumerable.Range(0, 600).Select(n => Subject(gallery, n)).ToList();

        var first = await ImportAsync(server, subjects);
        Assert.Empty(first.Failures);
        Assert.Equal((600ul, 0ul, 0ul), (first.Imported, first.AlreadyPresent, first.Failed));
        Assert.Equal(600ul, await SubjectsIn(server, gallery));
        var subject = await server.Matcher.GetSubjectAsync(new GetSubjectRequest { Gallery = gallery, SubjectId = "I00123" }, cancellationToken: Cancellation);
        Assert.Equal([FingerPosition.RightIndex, FingerPosition.LeftIndex], subject.Fingers);
        Assert.True(subject.HasFace);
        Assert.Equal("I00007", await IdentifiedAsync(server, gallery, 7));
        Assert.Equal("I00531", await IdentifiedAsync(server, gallery, 531));

        var again = await ImportAsync(server, subjects);
        Assert.Equal((0ul, 600ul, 0ul), (again.Imported, again.AlreadyPresent, again.Failed));
        Assert.Equal(600ul, await SubjectsIn(server, gallery));
    }

    [Fact]
    public async Task BadSubjectsFailOneByOneWithoutStoppingTheStreamOrChangingAnything()
    {
        const string gallery = "import-mixed";
        Assert.Equal(1ul, (await ImportAsync(server, [Subject(gallery, 1, "taken")])).Imported);
        var badTemplate = Subject(gallery, 2, "bad-template");
        badTemplate.Samples.Fingerprints[0].Template.Data = ByteString.CopyFromUtf8("not a fingerprint template at all");
        var badPosition = Subject(gallery, 3, "bad-position");
        badPosition.Samples.Fingerprints[1].Position = (FingerPosition)11;
        var badId = Subject(gallery, 4, "");
        var repeated = Subject(gallery, 5);

        var response = await ImportAsync(server,
        [
            Subject(gallery, 0),
            badTemplate,
            badId,
            Subject(gallery, 6, "taken"),
            badPosition,
            repeated,
            Subject(gallery, 1, "taken"),
            repeated,
        ]);

        Assert.Equal((2ul, 2ul, 4ul, 0ul), (response.Imported, response.AlreadyPresent, response.Failed, response.FailuresNotListed));
        Assert.Equal([1ul, 2ul, 3ul, 4ul], response.Failures.Select(f => f.Index));
        Assert.Equal(["bad-template", "", "taken", "bad-position"], response.Failures.Select(f => f.SubjectId));
        Assert.Equal([Code.InvalidArgument, Code.InvalidArgument, Code.AlreadyExists, Code.InvalidArgument], response.Failures.Select(f => (Code)f.Code));
        Assert.StartsWith("template.", response.Failures[0].Reason);
        Assert.Equal("request.invalid_field", response.Failures[1].Reason);
        Assert.StartsWith("subject_id: ", response.Failures[1].Message);
        Assert.Equal("subject.exists_with_other_samples", response.Failures[2].Reason);
        Assert.StartsWith("samples.fingerprints[1].position: ", response.Failures[3].Message);
        Assert.All(response.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));

        Assert.Equal(3ul, await SubjectsIn(server, gallery));
        foreach (var failed in new[] { "bad-template", "bad-position" })
        {
            await RpcAssert.FailsWith(StatusCode.NotFound, "subject.not_found", () =>
                server.Matcher.GetSubjectAsync(new GetSubjectRequest { Gallery = gallery, SubjectId = failed }, cancellationToken: Cancellation).ResponseAsync);
        }
        var taken = await server.Matcher.VerifyAsync(new VerifyRequest { Gallery = gallery, SubjectId = "taken", Samples = SyntheticFaces.Of(10_001) },
            cancellationToken: Cancellation);
        Assert.True(taken.Match);
    }

    [Fact]
    public async Task FailuresBeyondTheListAreCounted()
    {
        var response = await ImportAsync(server, Enumerable.Range(0, 1005).Select(n => Subject("import-many-failures", n % RealFingers, " padded ")));

        Assert.Equal((0ul, 1005ul), (response.Imported, response.Failed));
        Assert.Equal(1000, response.Failures.Count);
        Assert.Equal(5ul, response.FailuresNotListed);
    }

    [Fact]
    public async Task AMessageOverTheSizeLimitEndsTheCallAfterTheSubjectsBeforeIt()
    {
        const string gallery = "import-oversized";
        var oversized = Subject(gallery, 9);
        oversized.Samples.Face = new Contracts.V1.FaceSample
        {
            Image = new EncodedImage { Data = ByteString.CopyFrom(new byte[LoopbackServer.MaxMessageBytes + 1]) },
        };

        using (var call = server.Matcher.ImportSubjects(cancellationToken: Cancellation))
        {
            foreach (var subject in Enumerable.Range(0, 5).Select(n => Subject(gallery, n)))
            {
                await call.RequestStream.WriteAsync(subject, Cancellation);
            }
            try
            {
                await call.RequestStream.WriteAsync(oversized, Cancellation);
            }
            catch (RpcException)
            {
                // The server may end the call while the message is still on its way; the answer below says why.
            }
            await RpcAssert.FailsWithStatus(StatusCode.ResourceExhausted, () => call.ResponseAsync);
        }

        Assert.Equal(5ul, await SubjectsIn(server, gallery));
    }

    [Fact]
    public async Task ARequestIdIsRecordedWithItsSubject()
    {
        const string gallery = "import-request-ids";
        var first = Subject(gallery, 20);
        first.RequestId = "import-request-20";
        var reused = Subject(gallery, 21);
        reused.RequestId = first.RequestId;

        var response = await ImportAsync(server, [first, reused]);

        Assert.Equal((1ul, 1ul), (response.Imported, response.Failed));
        Assert.Equal("request.id_reused", response.Failures.Single().Reason);
        var retried = await server.Matcher.EnrollAsync(new EnrollRequest
        {
            Gallery = gallery,
            SubjectId = first.SubjectId,
            Samples = first.Samples,
            RequestId = first.RequestId,
        }, cancellationToken: Cancellation);
        Assert.Equal(EnrollOutcome.Enrolled, retried.Outcome);
        Assert.Equal(1ul, await SubjectsIn(server, gallery));
    }

    [Fact]
    public async Task ACancelledImportKeepsWhatItStagedAndTheNextOneCompletesIt()
    {
        const string gallery = "import-cancelled";
        var subjects = Enumerable.Range(0, 500).Select(n => Subject(gallery, n)).ToList();
        using (var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation))
        {
            using var call = server.Matcher.ImportSubjects(cancellationToken: cancel.Token);
            foreach (var subject in subjects)
            {
                await call.RequestStream.WriteAsync(subject, Cancellation);
            }
            var patience = TimeProvider.System.GetUtcNow() + BoundedCalls.Deadline;
            while (await SubjectsIn(server, gallery) == 0)
            {
                Assert.True(TimeProvider.System.GetUtcNow() < patience, "The server staged nothing of the stream.");
                await Task.Delay(10, Cancellation);
            }
            await cancel.CancelAsync();
            var cancelled = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);
        }

        var resumed = await ImportAsync(server, subjects);

        Assert.Equal(0ul, resumed.Failed);
        Assert.True(resumed.AlreadyPresent > 0, "Nothing staged before the cancellation was kept.");
        Assert.Equal(500ul, resumed.Imported + resumed.AlreadyPresent);
        Assert.Equal(500ul, await SubjectsIn(server, gallery));
    }

    [Fact]
    public async Task AnImportPastItsDeadlineEndsSoAndKeepsWhatItStaged()
    {
        const string gallery = "import-deadline";
        var subjects = Enumerable.Range(0, 20).Select(n => Subject(gallery, n)).ToList();
        using (var call = server.Matcher.ImportSubjects(deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: Cancellation))
        {
            foreach (var subject in subjects)
            {
                await call.RequestStream.WriteAsync(subject, Cancellation);
            }
            // The stream is left open: only the deadline ends the call.
            var expired = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.Equal(StatusCode.DeadlineExceeded, expired.StatusCode);
        }

        var resumed = await ImportAsync(server, subjects);

        Assert.Equal(0ul, resumed.Failed);
        Assert.Equal(20ul, resumed.Imported + resumed.AlreadyPresent);
        Assert.Equal(20ul, await SubjectsIn(server, gallery));
    }

    [Fact]
    public async Task ARestartedServerHasEverythingImported()
    {
        const string gallery = "import-restart";
        var dataDirectory = Directory.CreateTempSubdirectory("matcher-import-").FullName;
        try
        {
            var subjects = Enumerable.Range(0, 300).Select(n => Subject(gallery, n)).ToList();
            await using (var first = await LoopbackServer.StartAsync(dataDirectory))
            {
                Assert.Equal(300ul, (await ImportAsync(first, subjects)).Imported);
            }

            await using var restarted = await LoopbackServer.StartAsync(dataDirectory);
            Assert.Equal(300ul, await SubjectsIn(restarted, gallery));
            Assert.Equal("I00250", await IdentifiedAsync(restarted, gallery, 250));
            var again = await ImportAsync(restarted, subjects);
            Assert.Equal((0ul, 300ul, 0ul), (again.Imported, again.AlreadyPresent, again.Failed));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
