using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Server.Security.Authorization;
using Xunit;
using MatcherClient = Matcher.Contracts.V1.Matcher.MatcherClient;

namespace Matcher.Server.Tests.Security;

/// <summary>Galleries restricted per station (certificate) or per token: what lies outside them cannot be searched, read or written.</summary>
public sealed class GalleryTests
{
    private const string South = "south";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The same finger enrolled in the north and the south gallery by an unrestricted station.</summary>
    private static async Task EnrollInBothAsync(SecureServer server)
    {
        var open = new MatcherClient(server.As(SecureServer.OpenStation));
        foreach (var gallery in new[] { SecureServer.NorthGallery, South })
        {
            await open.EnrollAsync(new EnrollRequest
            {
                Gallery = gallery,
                SubjectId = $"{gallery}-P107",
                Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 107, 1)),
                DedupMode = DedupMode.InsertOnly,
            }, cancellationToken: Cancellation);
        }
    }

    [Fact]
    public async Task AStationWithoutTheGalleryCannotSearchReadOrEnrollThere()
    {
        await using var server = await SecureServer.StartAsync("mtls");
        await EnrollInBothAsync(server);
        var north = new MatcherClient(server.As(SecureServer.Station));
        var probe = Samples.Of(Samples.IsoTemplate("DB1_B", 107, 2));

        var search = await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.GalleryReason, async () =>
            await north.IdentifyAsync(new IdentifyRequest { Galleries = { South }, Samples = probe }, cancellationToken: Cancellation));
        Assert.Contains($"may not touch gallery '{South}'", search.Message);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.GalleryReason, async () =>
            await north.VerifyAsync(new VerifyRequest { Gallery = South, SubjectId = "south-P107", Samples = probe }, cancellationToken: Cancellation));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.GalleryReason, async () =>
            await north.GetSubjectAsync(new GetSubjectRequest { Gallery = South, SubjectId = "south-P107" }, cancellationToken: Cancellation));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.GalleryReason, async () =>
            await north.EnrollAsync(new EnrollRequest { Gallery = South, SubjectId = "south-P108", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 108, 1)) },
                cancellationToken: Cancellation));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.GalleryReason, async () =>
            await north.EnrollAsync(new EnrollRequest { SubjectId = "default-P108", Samples = Samples.Of(Samples.IsoTemplate("DB1_B", 108, 1)) },
                cancellationToken: Cancellation));

        var everywhere = await north.IdentifyAsync(new IdentifyRequest { Samples = probe }, cancellationToken: Cancellation);
        Assert.Equal(["north-P107"], everywhere.Candidates.Select(c => c.SubjectId));
        Assert.Equal(1ul, everywhere.SearchedSubjects);
        var stats = await north.GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal([SecureServer.NorthGallery], stats.Galleries.Select(g => g.Gallery));
        var all = await new MatcherClient(server.As(SecureServer.Admin)).GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal([SecureServer.NorthGallery, South], all.Galleries.Select(g => g.Gallery));
    }

    [Fact]
    public async Task ATokenRestrictedToAGalleryCannotSearchAnother()
    {
        await using var server = await SecureServer.StartAsync("tls");
        await EnrollInBothAsync(server);
        var southOnly = new MatcherClient(server.Connect(token: server.Pki.Token("station-token-south", "station", [South])));
        var probe = Samples.Of(Samples.IsoTemplate("DB1_B", 107, 3));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, SecurityRefusal.GalleryReason, async () =>
            await southOnly.IdentifyAsync(new IdentifyRequest { Galleries = { SecureServer.NorthGallery, South }, Samples = probe }, cancellationToken: Cancellation));
        var found = await southOnly.IdentifyAsync(new IdentifyRequest { Samples = probe }, cancellationToken: Cancellation);

        Assert.Equal(["south-P107"], found.Candidates.Select(c => c.SubjectId));
    }

    [Fact]
    public async Task AnImportRefusesOnlyTheSubjectsOfGalleriesItsOperatorMayNotTouch()
    {
        await using var server = await SecureServer.StartAsync("tls");
        var batch = new MatcherClient(server.Connect(token: server.Pki.Token("batch-token-north", "batch-operator", [SecureServer.NorthGallery])));

        using var import = batch.ImportSubjects(cancellationToken: Cancellation);
        foreach (var (gallery, finger) in new[] { (SecureServer.NorthGallery, 108), (South, 109), (SecureServer.NorthGallery, 110) })
        {
            await import.RequestStream.WriteAsync(new ImportSubjectRequest
            {
                Gallery = gallery,
                SubjectId = $"{gallery}-P{finger}",
                Samples = Samples.Of(Samples.IsoTemplate("DB1_B", finger, 1)),
            }, Cancellation);
        }
        await import.RequestStream.CompleteAsync();
        var report = await import;

        Assert.Equal(2ul, report.Imported);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("south-P109", failure.SubjectId);
        Assert.Equal((int)StatusCode.PermissionDenied, failure.Code);
        Assert.Equal(SecurityRefusal.GalleryReason, failure.Reason);
        var all = await new MatcherClient(server.As(SecureServer.Admin)).GetStatsAsync(new GetStatsRequest(), cancellationToken: Cancellation);
        Assert.Equal([SecureServer.NorthGallery], all.Galleries.Select(g => g.Gallery));
    }
}
