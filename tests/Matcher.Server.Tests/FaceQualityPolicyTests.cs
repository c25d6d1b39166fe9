using Grpc.Core;
using Matcher.Contracts.V1;
using Xunit;

namespace Matcher.Server.Tests;

/// <summary>
/// The face quality gate follows the operator's options: a failed check refuses the face only when its problem is in
/// Matcher:Face:RefusedProblems, and is otherwise reported as a warning with the enrollment.
/// </summary>
public sealed class FaceQualityPolicyTests : IDisposable
{
    private const string FrontalFace = "lfw/lfw-deepfunneled/Abdullah_Gul/Abdullah_Gul_0013.jpg";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("matcher-face-policy-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static EnrollRequest Enrollment(string subjectId) => new()
    {
        Gallery = "faces",
        SubjectId = subjectId,
        DedupMode = DedupMode.InsertOnly,
        Samples = new Contracts.V1.Samples { Face = Samples.FaceImage(FrontalFace) },
    };

    [Fact]
    public async Task AFailedCheckRefusesTheFaceOnlyWhenTheProgrammeRefusesThatProblem()
    {
        // Eyes must be 500 pixels apart: every ordinary photo fails the size check.
        await using (var refusing = await LoopbackServer.StartAsync(_dataDirectory, "--Matcher:Face:MinimumInterEyeDistance", "500"))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => refusing.Matcher.EnrollAsync(Enrollment("A1"), cancellationToken: Cancellation).ResponseAsync);

            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            Assert.Equal("face.too_small", error.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
            var stats = await refusing.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
            Assert.Equal(0ul, stats.Subjects);
        }

        await using var warning = await LoopbackServer.StartAsync(_dataDirectory,
            "--Matcher:Face:MinimumInterEyeDistance", "500", "--Matcher:Face:RefusedProblems:0", "face.blurred");
        var response = await warning.Matcher.EnrollAsync(Enrollment("A1"), cancellationToken: Cancellation);

        Assert.Equal(EnrollOutcome.Enrolled, response.Outcome);
        var face = Assert.Single(response.Quality, q => q.Sample == "face");
        Assert.True(face.Usable);
        Assert.Contains("face.too_small", face.Reasons);
        Assert.InRange(face.Score, 0u, 49u);
    }

    [Fact]
    public async Task AnUnknownProblemToRefuseStopsTheStartWithItsName()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(
            () => LoopbackServer.StartAsync(_dataDirectory, "--Matcher:Face:RefusedProblems:0", "face.sunglasses"));

        Assert.Contains("Matcher:Face:RefusedProblems", exception.Message);
        Assert.Contains("face.sunglasses", exception.Message);
    }
}
