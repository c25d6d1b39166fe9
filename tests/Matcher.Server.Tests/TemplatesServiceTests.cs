using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Testing;
using Xunit;
using static Matcher.Contracts.V1.Templates;

namespace Matcher.Server.Tests;

public sealed class TemplatesServiceTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private TemplatesClient Client => new(server.Calls);

    private static ByteString FvcImage(string name) =>
        ByteString.CopyFrom(File.ReadAllBytes(Path.Combine(Datasets.Require("fingerprints/fvc2002/DB1_B"), name)));

    [Fact]
    public async Task ExtractsAnIsoTemplateThatConvertsToNativeAndBack()
    {
        var extracted = await Client.ExtractTemplateAsync(new ExtractTemplateRequest
        {
            Fingerprint = new FingerprintSample
            {
                Position = FingerPosition.RightIndex,
                Image = new EncodedImage { Data = FvcImage("101_1.tif"), Dpi = 500 },
            },
            Format = TemplateFormat.Iso1979422005,
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(extracted.Minutiae, 10u, 150u);
        Assert.True(extracted.Quality.Usable);
        Assert.Equal("FMR\0"u8.ToArray(), extracted.FingerprintTemplate.Data.Span[..4].ToArray());

        var native = await Client.ConvertTemplateAsync(new ConvertTemplateRequest
        {
            Template = extracted.FingerprintTemplate,
            TargetFormat = TemplateFormat.Native,
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(TemplateFormat.Iso1979422005, native.SourceFormat);
        Assert.Equal(1u, native.Views);

        var iso = await Client.ConvertTemplateAsync(new ConvertTemplateRequest
        {
            Template = native.Template,
            TargetFormat = TemplateFormat.Iso1979422005,
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(extracted.FingerprintTemplate.Data.Length, iso.Template.Data.Length);
    }

    [Fact]
    public async Task EmptySampleIsAFieldViolation()
    {
        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            Client.ExtractTemplateAsync(new ExtractTemplateRequest
            {
                Fingerprint = new FingerprintSample { Position = FingerPosition.LeftThumb, Image = new EncodedImage { Dpi = 500 } },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal("fingerprint.image.data", status.GetDetail<BadRequest>()?.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task UnknownFingerPositionIsRejected() =>
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            Client.ExtractTemplateAsync(new ExtractTemplateRequest
            {
                Fingerprint = new FingerprintSample { Position = (FingerPosition)11, Image = new EncodedImage { Data = FvcImage("101_1.tif"), Dpi = 500 } },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task MissingDpiIsRejected() =>
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            Client.ExtractTemplateAsync(new ExtractTemplateRequest
            {
                Fingerprint = new FingerprintSample { Image = new EncodedImage { Data = FvcImage("101_1.tif") } },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task DpiOutOfRangeIsRejected() =>
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "image.dpi_out_of_range", () =>
            Client.ExtractTemplateAsync(new ExtractTemplateRequest
            {
                Fingerprint = new FingerprintSample { Image = new EncodedImage { Data = FvcImage("101_1.tif"), Dpi = 100 } },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task TruncatedImageIsRejected() =>
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "image.truncated", () =>
            Client.ExtractTemplateAsync(new ExtractTemplateRequest
            {
                Fingerprint = new FingerprintSample { Image = new EncodedImage { Data = ByteString.CopyFrom(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8 }), Dpi = 500 } },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task BlankImageIsUnusable() =>
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "fingerprint.too_little_foreground", () =>
            Client.ExtractTemplateAsync(new ExtractTemplateRequest
            {
                Fingerprint = new FingerprintSample
                {
                    Raw = new RawGrayImage { Pixels = ByteString.CopyFrom(Enumerable.Repeat((byte)200, 300 * 300).ToArray()), Width = 300, Height = 300, Dpi = 500 },
                },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task OversizeMessageIsResourceExhausted()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ExtractTemplateAsync(new ExtractTemplateRequest
            {
                Fingerprint = new FingerprintSample { Image = new EncodedImage { Data = ByteString.CopyFrom(new byte[5 * 1024 * 1024]), Dpi = 500 } },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact]
    public async Task TruncatedTemplateNamesTheProblem()
    {
        var truncated = Directory.GetFiles(Datasets.Require("fingerprints/iso19794-2/openafis/invalid"), "*.iso", SearchOption.AllDirectories).First();
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "template.truncated", () =>
            Client.ConvertTemplateAsync(new ConvertTemplateRequest
            {
                Template = new FingerprintTemplateData { Data = ByteString.CopyFrom(File.ReadAllBytes(truncated)) },
                TargetFormat = TemplateFormat.Native,
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
    }

    [Fact]
    public async Task ConversionNeedsATargetFormat() =>
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "request.invalid_field", () =>
            Client.ConvertTemplateAsync(new ConvertTemplateRequest
            {
                Template = new FingerprintTemplateData { Data = ByteString.CopyFromUtf8("FMR") },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task ExtractsAUnitLengthFaceEmbedding()
    {
        var people = Datasets.Require("faces/lfw/lfw-deepfunneled");
        var image = Directory.GetFiles(Path.Combine(people, "Abdullah_Gul"), "*.jpg").Order().First();

        var response = await Client.ExtractTemplateAsync(new ExtractTemplateRequest
        {
            Face = new Contracts.V1.FaceSample { Image = new EncodedImage { Data = ByteString.CopyFrom(File.ReadAllBytes(image)) } },
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(response.Quality.Usable);
        Assert.False(string.IsNullOrEmpty(response.FaceEmbedding.ModelId));
        Assert.Equal(1.0, Math.Sqrt(response.FaceEmbedding.Values.Sum(v => (double)v * v)), 3);
    }

    [Fact]
    public async Task FacelessImageIsUnusable()
    {
        var fingerprint = FvcImage("101_1.tif");
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "face.none_detected", () =>
            Client.ExtractTemplateAsync(new ExtractTemplateRequest
            {
                Face = new Contracts.V1.FaceSample { Image = new EncodedImage { Data = fingerprint } },
            }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
    }
}
