using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Matcher.Contracts.V1;
using Xunit;

namespace Matcher.Server.Tests;

public sealed class MatcherServiceTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Contracts.V1.Matcher.MatcherClient Client => server.Matcher;

    private async Task<EnrollResponse> EnrollAsync(string gallery, string id, Contracts.V1.Samples samples, DedupMode mode = DedupMode.InsertIfUnique) =>
        await Client.EnrollAsync(new EnrollRequest { Gallery = gallery, SubjectId = id, Samples = samples, DedupMode = mode }, cancellationToken: Cancellation);

    private async Task<ulong> SubjectsIn(string gallery) =>
        (await Client.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation)).Galleries.FirstOrDefault(g => g.Gallery == gallery)?.Subjects ?? 0;

    [Fact]
    public async Task StatsNameTheFaceModelWhoseEmbeddingsTheServerAccepts()
    {
        var stats = await Client.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal(SyntheticFaces.ModelId, stats.FaceModelId);
    }

    [Fact]
    public async Task EnrollFindsTheMateAndRefusesTheDuplicate()
    {
        const string gallery = "mates";
        foreach (var finger in new[] { 101, 102, 103 })
        {
            var enrolled = await EnrollAsync(gallery, $"P{finger}", Samples.Of(Samples.FvcImage("DB1_B", finger, 1)), DedupMode.InsertOnly);
            Assert.Equal(EnrollOutcome.Enrolled, enrolled.Outcome);
        }

        var applicant = await EnrollAsync(gallery, "applicant", Samples.Of(Samples.FvcImage("DB1_B", 102, 3)));

        Assert.Equal(EnrollOutcome.DuplicateFound, applicant.Outcome);
        Assert.Equal("P102", applicant.Candidates[0].SubjectId);
        Assert.True(applicant.Candidates[0].Score >= applicant.Threshold);
        Assert.Equal(FingerPosition.RightIndex, applicant.Candidates[0].FingerScores.Single().Position);
        Assert.True(applicant.Timings.TotalUs > 0);
        Assert.Equal(3ul, await SubjectsIn(gallery));
    }

    [Fact]
    public async Task WsqWithoutDpiIsEnrolledAndVerifiedAtTheResolutionItDeclares()
    {
        const string gallery = "wsq";
        await EnrollAsync(gallery, "declared-500", Samples.Of(Samples.FvcWsq("DB1_B", 101, 1)), DedupMode.InsertOnly);
        await EnrollAsync(gallery, "declared-569", Samples.Of(Samples.FvcWsq("DB2_B", 103, 1)), DedupMode.InsertOnly);

        async Task<VerifyResponse> Verify(string id, FingerprintSample probe) =>
            await Client.VerifyAsync(new VerifyRequest { Gallery = gallery, SubjectId = id, Samples = Samples.Of(probe) }, cancellationToken: Cancellation);

        Assert.True((await Verify("declared-500", Samples.FvcWsq("DB1_B", 101, 2))).Match);
        Assert.False((await Verify("declared-500", Samples.FvcWsq("DB1_B", 102, 2))).Match);
        // A 569 dpi WSQ enrollment matches another impression sent as a TIFF with its dpi given.
        Assert.True((await Verify("declared-569", Samples.FvcImage("DB2_B", 103, 2))).Match);
    }

    [Fact]
    public async Task VerifyIdentifyGetAndDelete()
    {
        const string gallery = "lifecycle";
        await EnrollAsync(gallery, "A", Samples.Of(Samples.IsoTemplate("DB2_B", 104, 1), Samples.IsoTemplate("DB2_B", 105, 1, FingerPosition.LeftIndex)), DedupMode.InsertOnly);
        await EnrollAsync(gallery, "B", Samples.Of(Samples.IsoTemplate("DB2_B", 106, 1)), DedupMode.InsertOnly);

        var genuine = await Client.VerifyAsync(new VerifyRequest { Gallery = gallery, SubjectId = "A", Samples = Samples.Of(Samples.IsoTemplate("DB2_B", 104, 2)) }, cancellationToken: Cancellation);
        var impostor = await Client.VerifyAsync(new VerifyRequest { Gallery = gallery, SubjectId = "B", Samples = Samples.Of(Samples.IsoTemplate("DB2_B", 104, 2)) }, cancellationToken: Cancellation);
        Assert.True(genuine.Match);
        Assert.False(impostor.Match);
        Assert.Equal(40, genuine.Threshold, 6);

        var identified = await Client.IdentifyAsync(new IdentifyRequest
        {
            Samples = Samples.Of(Samples.IsoTemplate("DB2_B", 105, 3, FingerPosition.LeftIndex)),
            Galleries = { gallery },
        }, cancellationToken: Cancellation);
        Assert.Equal("A", identified.Candidates.Single().SubjectId);
        Assert.Equal(2ul, identified.SearchedSubjects);

        var subject = await Client.GetSubjectAsync(new GetSubjectRequest { Gallery = gallery, SubjectId = "A" }, cancellationToken: Cancellation);
        Assert.Equal([FingerPosition.RightIndex, FingerPosition.LeftIndex], subject.Fingers);
        Assert.False(subject.HasFace);

        await Client.DeleteAsync(new DeleteRequest { Gallery = gallery, SubjectId = "A" }, cancellationToken: Cancellation);
        await RpcAssert.FailsWith(StatusCode.NotFound, "subject.not_found", () =>
            Client.GetSubjectAsync(new GetSubjectRequest { Gallery = gallery, SubjectId = "A" }, cancellationToken: Cancellation).ResponseAsync);
        Assert.Empty((await Client.IdentifyAsync(new IdentifyRequest
        {
            Samples = Samples.Of(Samples.IsoTemplate("DB2_B", 105, 3, FingerPosition.LeftIndex)),
            Galleries = { gallery },
        }, cancellationToken: Cancellation)).Candidates);
    }

    [Fact]
    public async Task FaceEnrollmentAndFaceIdentification()
    {
        const string gallery = "faces";
        await EnrollAsync(gallery, "gul", new Contracts.V1.Samples { Face = Samples.FaceImage("lfw/lfw-deepfunneled/Abdullah_Gul/Abdullah_Gul_0013.jpg") });

        var identified = await Client.IdentifyAsync(new IdentifyRequest
        {
            Samples = new Contracts.V1.Samples { Face = Samples.FaceImage("lfw/lfw-deepfunneled/Abdullah_Gul/Abdullah_Gul_0014.jpg") },
            Galleries = { gallery },
        }, cancellationToken: Cancellation);

        Assert.Equal("gul", identified.Candidates.Single().SubjectId);
        Assert.True(identified.Candidates[0].HasFaceScore);
    }

    [Fact]
    public async Task InsertAndReportEnrollsDespiteCandidates()
    {
        const string gallery = "report";
        await EnrollAsync(gallery, "first", Samples.Of(Samples.IsoTemplate("DB1_B", 107, 1)));

        var second = await EnrollAsync(gallery, "second", Samples.Of(Samples.IsoTemplate("DB1_B", 107, 2)), DedupMode.InsertAndReport);

        Assert.Equal(EnrollOutcome.EnrolledWithCandidates, second.Outcome);
        Assert.Equal("first", second.Candidates.Single().SubjectId);
        Assert.Equal(2ul, await SubjectsIn(gallery));
    }

    public static TheoryData<string, StatusCode, string, EnrollRequest> BadEnrollments() => new()
    {
        { "empty subject id", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = "", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1)) } },
        { "id too long", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = new string('x', 129), Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1)) } },
        { "no samples", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = "x" } },
        { "finger position 11", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = "x", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1, (FingerPosition)11)) } },
        { "finger position missing", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = "x", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1, FingerPosition.Unspecified)) } },
        { "same finger twice", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = "x", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1), Samples.IsoTemplate("DB1_B", 102, 1)) } },
        { "malformed template", StatusCode.InvalidArgument, "template.unknown_format", new EnrollRequest { SubjectId = "x", Samples = Samples.Of(new FingerprintSample { Position = FingerPosition.RightThumb, Template = new FingerprintTemplateData { Data = ByteString.CopyFromUtf8("not a template at all") } }) } },
        { "undecodable image", StatusCode.InvalidArgument, "image.unsupported_format", new EnrollRequest { SubjectId = "x", Samples = Samples.Of(new FingerprintSample { Position = FingerPosition.RightThumb, Image = new EncodedImage { Data = ByteString.CopyFromUtf8("garbage"), Dpi = 500 } }) } },
        { "blank fingerprint", StatusCode.FailedPrecondition, "fingerprint.too_little_foreground", new EnrollRequest { SubjectId = "x", Samples = Samples.Of(new FingerprintSample { Position = FingerPosition.RightThumb, Raw = new RawGrayImage { Pixels = ByteString.CopyFrom(new byte[300 * 300]), Width = 300, Height = 300, Dpi = 500 } }) } },
        { "wrong embedding length", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = "x", Samples = new Contracts.V1.Samples { Face = new Contracts.V1.FaceSample { Embedding = new Contracts.V1.FaceEmbedding { ModelId = "?", Values = { 1f, 2f } } } } } },
        { "unknown dedup mode", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = "x", DedupMode = (DedupMode)9, Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1)) } },
        { "too many candidates", StatusCode.InvalidArgument, "request.invalid_field", new EnrollRequest { SubjectId = "x", Search = new SearchOptions { MaxCandidates = 5000 }, Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 1)) } },
        { "oversize message", StatusCode.ResourceExhausted, "", new EnrollRequest { SubjectId = "x", Samples = Samples.Of(new FingerprintSample { Position = FingerPosition.RightThumb, Image = new EncodedImage { Data = ByteString.CopyFrom(new byte[LoopbackServer.MaxMessageBytes + 1]), Dpi = 500 } }) } },
    };

    [Theory]
    [MemberData(nameof(BadEnrollments))]
    public async Task BadEnrollmentsFailClearlyAndChangeNothing(string what, StatusCode code, string reason, EnrollRequest request)
    {
        request.Gallery = "bad-input";
        await EnrollAsync("bad-input", "resident", Samples.Of(Samples.IsoTemplate("DB3_B", 101, 1)), DedupMode.InsertOnly)
            .ContinueWith(_ => { }, Cancellation);
        var before = await SubjectsIn("bad-input");

        var exception = await Assert.ThrowsAsync<RpcException>(() => Client.EnrollAsync(request, cancellationToken: Cancellation).ResponseAsync);

        Assert.True(code == exception.StatusCode, $"{what}: {exception.StatusCode} {exception.Status.Detail}");
        if (reason.Length > 0)
        {
            Assert.Equal(reason, exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        }
        Assert.Equal(before, await SubjectsIn("bad-input"));
    }

    [Fact]
    public async Task DuplicateSubjectIdIsAlreadyExists()
    {
        await EnrollAsync("ids", "same", Samples.Of(Samples.IsoTemplate("DB4_B", 101, 1)));

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, "subject.already_exists", () =>
            Client.EnrollAsync(new EnrollRequest { Gallery = "ids", SubjectId = "same", Samples = Samples.Of(Samples.IsoTemplate("DB4_B", 102, 1)) },
                cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(1ul, await SubjectsIn("ids"));
    }

    [Fact]
    public async Task UnknownSubjectsAreNotFound()
    {
        var probe = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 2));
        await RpcAssert.FailsWith(StatusCode.NotFound, "subject.not_found", () =>
            Client.VerifyAsync(new VerifyRequest { Gallery = "nobody", SubjectId = "ghost", Samples = probe }, cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, "subject.not_found", () =>
            Client.DeleteAsync(new DeleteRequest { Gallery = "nobody", SubjectId = "ghost" }, cancellationToken: Cancellation).ResponseAsync);
    }

    [Fact]
    public async Task VerifyWithNothingInCommonIsFailedPrecondition()
    {
        await EnrollAsync("common", "thumb-only", Samples.Of(Samples.IsoTemplate("DB1_B", 108, 1, FingerPosition.RightThumb)));

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "verify.nothing_to_compare", () =>
            Client.VerifyAsync(new VerifyRequest { Gallery = "common", SubjectId = "thumb-only", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 108, 2, FingerPosition.LeftThumb)) },
                cancellationToken: Cancellation).ResponseAsync);
    }

    [Fact]
    public async Task BadIdentifyRequestsAreRejected()
    {
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            Client.IdentifyAsync(new IdentifyRequest { Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 2)), Search = new SearchOptions { TargetFalsePositiveIdentificationRate = 2 } },
                cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            Client.IdentifyAsync(new IdentifyRequest { Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 101, 2)), SubjectIds = { "" } },
                cancellationToken: Cancellation).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            Client.IdentifyAsync(new IdentifyRequest(), cancellationToken: Cancellation).ResponseAsync);
    }
}
