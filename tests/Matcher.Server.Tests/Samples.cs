using Google.Protobuf;
using Matcher.Contracts.V1;
using Matcher.Testing;

namespace Matcher.Server.Tests;

/// <summary>Request samples built from the shared datasets.</summary>
internal static class Samples
{
    private const string Fvc = "fingerprints/fvc2002";

    public static int DpiOf(string database) => database == "DB2_B" ? 569 : 500;

    public static FingerprintSample FvcImage(string database, int finger, int impression, FingerPosition position = FingerPosition.RightIndex) => new()
    {
        Position = position,
        Image = new EncodedImage
        {
            Data = ByteString.CopyFrom(File.ReadAllBytes(Path.Combine(Datasets.Require($"{Fvc}/{database}"), $"{finger}_{impression}.tif"))),
            Dpi = (uint)DpiOf(database),
        },
    };

    /// <summary>
    /// An FVC2002 impression re-encoded as WSQ (as stations send prints), its scanner resolution declared only in the
    /// WSQ file's NIST comment, and the request's dpi left 0.
    /// </summary>
    public static FingerprintSample FvcWsq(string database, int finger, int impression, FingerPosition position = FingerPosition.RightIndex)
    {
        var tiff = File.ReadAllBytes(Path.Combine(Datasets.Require($"{Fvc}/{database}"), $"{finger}_{impression}.tif"));
        var wsq = Imaging.ImageEncoder.EncodeWsq(Imaging.ImageDecoder.DecodeGray(tiff), DpiOf(database));
        return new FingerprintSample { Position = position, Image = new EncodedImage { Data = ByteString.CopyFrom(wsq) } };
    }

    /// <summary>The SecuGen ISO template of an FVC2002 impression: much faster to enroll than an image.</summary>
    public static FingerprintSample IsoTemplate(string database, int finger, int impression, FingerPosition position = FingerPosition.RightIndex) => new()
    {
        Position = position,
        Template = new FingerprintTemplateData
        {
            Data = ByteString.CopyFrom(File.ReadAllBytes(Path.Combine(
                Datasets.Require($"fingerprints/iso19794-2/openafis/fvc2002/{database}"), $"{finger}_{impression}.iso"))),
        },
    };

    public static Contracts.V1.FaceSample FaceImage(string relativePath) => new()
    {
        Image = new EncodedImage { Data = ByteString.CopyFrom(File.ReadAllBytes(Path.Combine(Datasets.Require("faces"), relativePath))) },
    };

    public static Contracts.V1.Samples Of(params FingerprintSample[] fingers) => new() { Fingerprints = { fingers } };
}
