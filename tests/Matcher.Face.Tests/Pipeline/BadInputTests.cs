using System.Buffers.Binary;
using Matcher.Core.Errors;
using Matcher.Face.Quality;
using Matcher.Face.Tests.Support;
using Matcher.Testing;
using Xunit;

namespace Matcher.Face.Tests.Pipeline;

public sealed class BadInputTests
{
    [Fact]
    public void EmptyInputIsInvalid()
    {
        var error = Assert.Throws<BiometricInputException>(() => TestEngine.RequireStrict().Extract([]));

        Assert.Equal(InputProblem.Invalid, error.Problem);
        Assert.Equal("image.empty", error.ReasonCode);
    }

    [Fact]
    public void TruncatedJpegIsInvalid()
    {
        var jpeg = FaceImages.LfwBytes("Abdullah_Gul", 13);

        var error = Assert.Throws<BiometricInputException>(() => TestEngine.RequireStrict().Extract(jpeg.AsSpan(0, 300)));

        Assert.Equal(InputProblem.Invalid, error.Problem);
        Assert.StartsWith("image.", error.ReasonCode);
    }

    [Fact]
    public void TextIsNotAnImage()
    {
        var error = Assert.Throws<BiometricInputException>(() => TestEngine.RequireStrict().Extract("hello, this is not a photo"u8));

        Assert.Equal("image.unsupported_format", error.ReasonCode);
    }

    [Fact]
    public void DecompressionBombIsRefusedBeforeAllocating()
    {
        var bomb = PngBomb(20_000, 20_000);

        var error = Assert.Throws<BiometricInputException>(() => TestEngine.RequireStrict().Extract(bomb));

        Assert.Equal(InputProblem.TooLarge, error.Problem);
        Assert.Equal("image.too_large", error.ReasonCode);
    }

    [Fact]
    public void ImageAboveTheConfiguredPixelLimitIsTooLarge()
    {
        var engine = TestEngine.RequireStrict();
        using var small = FaceEngine.Load(engine.Options with { ImageLimits = new Matcher.Imaging.ImageLimits { MaxPixels = 100 * 100 } });

        var error = Assert.Throws<BiometricInputException>(() => small.Extract(FaceImages.LfwBytes("Abdullah_Gul", 13)));

        Assert.Equal(InputProblem.TooLarge, error.Problem);
    }

    [Fact]
    public void UniformImageHasNoFace()
    {
        var error = Assert.Throws<BiometricInputException>(() => TestEngine.RequireStrict().Extract(FaceImages.Uniform(250, 250, 128)));

        Assert.Equal(InputProblem.Unusable, error.Problem);
        Assert.Equal(FaceReasonCodes.NoneDetected, error.ReasonCode);
        Assert.Contains("No face", error.Message);
    }

    [Fact]
    public void FingerprintHasNoFace()
    {
        var fingerprint = File.ReadAllBytes(Path.Combine(Datasets.Require("fingerprints/sourceafis-samples"), "probe.png"));

        var error = Assert.Throws<BiometricInputException>(() => TestEngine.RequireStrict().Extract(fingerprint));

        Assert.Equal(FaceReasonCodes.NoneDetected, error.ReasonCode);
    }

    /// <summary>
    /// A PNG declaring a huge greyscale image whose pixel data is a few hundred bytes: deflate shrinks long runs of
    /// zeros about a thousand times, so a real bomb of this size would be a few megabytes; the decoder must refuse it
    /// from the header alone.
    /// </summary>
    private static byte[] PngBomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            zlib.Write(new byte[256 * 1024]);
        }
        return [.. PngSignature, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The CRC-32 (polynomial 0xEDB88320) that PNG chunks carry.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
