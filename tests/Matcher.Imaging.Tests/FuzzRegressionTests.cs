using Matcher.Core.Errors;
using Matcher.Imaging.Tests.Support;
using Xunit;

namespace Matcher.Imaging.Tests;

/// <summary>
/// Inputs the fuzz tests once found escaping the decoder as something other than a BiometricInputException, each
/// rebuilt by hand so the escape stays fixed whatever seeds the fuzzer runs with.
/// </summary>
public sealed class FuzzRegressionTests
{
    /// <summary>The first strip of a TiffBuilder file starts right after the 8-byte header.</summary>
    private const int FirstStripOffset = 8;

    [Fact]
    public void A_deflate_strip_asking_for_a_preset_dictionary_is_undecodable()
    {
        // A zlib header 78 20 passes the header check (0x7820 is a multiple of 31) and sets FDICT, so zlib stops
        // asking for a dictionary the TIFF cannot supply; .NET reports that as ZLibException, not InvalidDataException.
        var tiff = DeflateRgb16();
        tiff[FirstStripOffset] = 0x78;
        tiff[FirstStripOffset + 1] = 0x20;

        var error = Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray(tiff));

        Assert.Equal("The TIFF image cannot be decoded: a Deflate strip asks for a preset zlib dictionary, which a TIFF file cannot carry.",
            error.Message);
    }

    [Fact]
    public void A_deflate_strip_with_a_reserved_block_type_is_undecodable()
    {
        // After the 2-byte zlib header, a first block header 0b111 (final, type 3) names the block type RFC 1951 reserves.
        var tiff = DeflateRgb16();
        tiff[FirstStripOffset + 2] = 0x07;

        var error = Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray(tiff));

        Assert.Equal("The TIFF image cannot be decoded: a Deflate strip is not a valid zlib stream.", error.Message);
    }

    [Fact]
    public void A_wsq_huffman_table_with_more_codes_than_a_length_holds_is_corrupt()
    {
        // Three 1-bit codes: the third would start past the 9-bit lookup table (the fuzzer cut a chunk out of a DHT
        // segment so that its counts shifted). SOI, then a DHT segment of 2 + 1 + 16 + 3 bytes.
        byte[] counts = [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] wsq = [0xFF, 0xA0, 0xFF, 0xA6, 0x00, 22, 0x00, .. counts, 1, 2, 3];

        var error = Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray(wsq));

        Assert.Contains("a Huffman table has more codes than 1 bits can hold", error.Message);
    }

    private static byte[] DeflateRgb16() => new TiffBuilder
    {
        Width = 24, Height = 18, Samples = TiffBuilder.Gradient(24, 18, 3, 65535), SamplesPerPixel = 3, BitsPerSample = 16,
        Photometric = 2, Compression = 8, Predictor = 2,
    }.Build();
}
