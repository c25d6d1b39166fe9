using System.Text;
using Matcher.Core.Errors;
using Matcher.Imaging.Tests.Support;
using Xunit;

namespace Matcher.Imaging.Tests.Wsq;

/// <summary>What the decoder says about damaged or unusual files: one precise input error each, nothing else.</summary>
public sealed class WsqDecoderTests
{
    [Fact]
    public void Wsq_is_recognised_by_its_start_of_image_marker()
    {
        Assert.Equal(ImageFormat.Wsq, ImageDecoder.DetectFormat(WsqSegments.SmallImage()));
        Assert.Equal(ImageFormat.Wsq, ImageDecoder.DetectFormat([0xFF, 0xA0, 0xFF]));
        Assert.Equal(ImageFormat.Unknown, ImageDecoder.DetectFormat([0xFF, 0xA0]));
        Assert.Equal(ImageFormat.Unknown, ImageDecoder.DetectFormat([0xFF, 0xA0, 0x00]));
    }

    [Fact]
    public void A_small_encoded_image_decodes_with_its_size_and_ppi()
    {
        var wsq = WsqSegments.SmallImage(48, 40, 1000);

        var image = ImageDecoder.DecodeGray(wsq);

        Assert.Equal((48, 40), (image.Width, image.Height));
        Assert.Equal(1000, ImageDecoder.DeclaredDpi(wsq));
        Assert.Equal(image.Pixels.SelectMany(v => new[] { v, v, v }), ImageDecoder.DecodeRgb(wsq).Pixels);
    }

    [Fact]
    public void A_file_without_a_frame_is_invalid()
    {
        var error = Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray([0xFF, 0xA0, 0xFF, 0xA1]));
        Assert.Equal("The WSQ image cannot be decoded: EOI (FFA1) at offset 2 comes before the frame header.", error.Message);
    }

    [Fact]
    public void A_declared_size_of_zero_is_invalid_and_a_huge_one_too_large_before_allocation()
    {
        var zero = WithFrameSize(0, 40);
        Expect.Invalid("image.invalid_dimensions", () => ImageDecoder.DecodeGray(zero));

        var huge = WithFrameSize(65535, 65535);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Expect.Problem(InputProblem.TooLarge, "image.too_large", () => ImageDecoder.DecodeGray(huge));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
        Assert.Equal("The image is 65535 x 65535 pixels; at most 16777216 pixels are accepted.", error.Message);

        Expect.Problem(InputProblem.TooLarge, "image.too_large", () => ImageDecoder.DecodeGray(WsqSegments.SmallImage(), new ImageLimits { MaxPixels = 1000 }));
    }

    [Fact]
    public void Truncated_files_say_so()
    {
        var wsq = WsqSegments.SmallImage();

        var withoutEnd = Expect.Invalid("image.truncated", () => ImageDecoder.DecodeGray(wsq[..(wsq.Length - 2)]));
        Assert.Contains("the file ends inside the coded data of block 3, before the end-of-image marker", withoutEnd.Message);
        Expect.Invalid("image.truncated", () => ImageDecoder.DecodeGray(wsq[..(wsq.Length - 3)]));
        Expect.Invalid("image.truncated", () => ImageDecoder.DecodeGray(wsq[..40]));
    }

    [Fact]
    public void A_missing_block_leaves_coefficients_missing()
    {
        var file = WsqSegments.Parse(WsqSegments.SmallImage());
        file.Parts.Remove(file.Parts.Last(p => p.Marker == WsqSegments.Sob));

        var error = Expect.Invalid("image.truncated", () => ImageDecoder.DecodeGray(file.ToBytes()));
        Assert.Matches(@"the coded data holds \d+ of the \d+ coefficients its transmitted subbands need", error.Message);
    }

    [Fact]
    public void Restart_intervals_and_even_length_filters_are_unsupported()
    {
        var withRestart = WsqSegments.Parse(WsqSegments.SmallImage());
        withRestart.Parts.Insert(1, new WsqSegments.Segment(WsqSegments.Dri, [0, 16], []));
        Expect.Invalid("image.unsupported_format", () => ImageDecoder.DecodeGray(withRestart.ToBytes()));

        var evenFilters = WsqSegments.Parse(WsqSegments.SmallImage());
        evenFilters.First(WsqSegments.Dtt).Body![0] = 8;
        var error = Expect.Invalid("image.unsupported_format", () => ImageDecoder.DecodeGray(evenFilters.ToBytes()));
        Assert.Contains("even-length", error.Message);
    }

    [Fact]
    public void Huffman_table_ids_are_checked()
    {
        var badId = WsqSegments.Parse(WsqSegments.SmallImage());
        badId.First(WsqSegments.Dht).Body![0] = 9;
        Assert.Contains("id 9", Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray(badId.ToBytes())).Message);

        var undefined = WsqSegments.Parse(WsqSegments.SmallImage());
        undefined.First(WsqSegments.Sob).Body![0] = 5;
        var error = Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray(undefined.ToBytes()));
        Assert.Contains("uses Huffman table 5, which no DHT segment defined", error.Message);
    }

    [Fact]
    public void The_quantisation_table_cannot_change_once_coded_data_began()
    {
        var file = WsqSegments.Parse(WsqSegments.SmallImage());
        var dqt = file.First(WsqSegments.Dqt);
        file.Parts.Insert(file.Parts.FindIndex(p => p.Marker == WsqSegments.Sob) + 1, dqt);

        Assert.Contains("redefined after the coded data began", Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray(file.ToBytes())).Message);
    }

    [Fact]
    public void A_segment_length_past_the_end_is_truncated_and_one_beyond_its_fields_is_corrupt()
    {
        var wsq = WsqSegments.SmallImage();
        var longer = (byte[])wsq.Clone();
        longer[4] = 0xFF;
        Expect.Invalid("image.truncated", () => ImageDecoder.DecodeGray(longer));

        var file = WsqSegments.Parse(wsq);
        file.First(WsqSegments.Sof).Body = [.. file.First(WsqSegments.Sof).Body!, 0];
        Assert.Contains("beyond its fields", Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray(file.ToBytes())).Message);
    }

    [Fact]
    public void Fill_bytes_before_a_marker_are_accepted()
    {
        var file = WsqSegments.Parse(WsqSegments.SmallImage());
        var expected = ImageDecoder.DecodeGray(file.ToBytes()).Pixels;
        var firstBlock = file.First(WsqSegments.Sob);
        file.Parts[file.Parts.IndexOf(firstBlock)] = firstBlock with { Data = [.. firstBlock.Data, 0xFF, 0xFF] };
        var sof = file.Parts.FindIndex(p => p.Marker == WsqSegments.Sof);
        var head = new WsqSegments();
        head.Parts.AddRange(file.Parts.Take(sof));
        var tail = new WsqSegments();
        tail.Parts.AddRange(file.Parts.Skip(sof));

        Assert.Equal(expected, ImageDecoder.DecodeGray([.. head.ToBytes(), 0xFF, 0xFF, .. tail.ToBytes()]).Pixels);
    }

    [Theory]
    [InlineData("NIST_COM 2\nPPI 500", 500)]
    [InlineData("NIST_COM 3\nPIX_WIDTH 10\nPPI\t1000\n", 1000)]
    [InlineData("NIST_COM 3\nPPI 500\nPPI 1000", 1000)]
    [InlineData("NIST_COM 2\nPPI -1", null)]
    [InlineData("NIST_COM 2\nPPI five hundred", null)]
    [InlineData("NIST_COM 2\nPIX_WIDTH 10", null)]
    [InlineData("NIST_COM 2\r\nPPI 600\r\n", 600)]
    [InlineData("NIST_COM 2\nPPI 700\0PPI 900", 700)]
    public void The_resolution_comes_from_the_nist_comment(string comment, int? ppi)
    {
        var file = WsqSegments.Parse(WsqSegments.SmallImage());
        file.First(WsqSegments.Com).Body = Encoding.ASCII.GetBytes(comment);

        Assert.Equal(ppi, ImageDecoder.DeclaredDpi(file.ToBytes()));
    }

    [Fact]
    public void Files_without_a_nist_comment_and_other_formats_declare_no_resolution()
    {
        var file = WsqSegments.Parse(WsqSegments.SmallImage());
        file.First(WsqSegments.Com).Body = "an encoder's note"u8.ToArray();

        Assert.Null(ImageDecoder.DeclaredDpi(file.ToBytes()));
        Assert.Null(ImageDecoder.DeclaredDpi(SkiaImages.EncodeGray(4, 4, (x, y) => (byte)x, SkiaSharp.SKEncodedImageFormat.Png)));
        Expect.Invalid("image.undecodable", () => ImageDecoder.DeclaredDpi([0xFF, 0xA0, 0xFF, 0x00]));
    }

    private static byte[] WithFrameSize(int width, int height)
    {
        var file = WsqSegments.Parse(WsqSegments.SmallImage());
        var body = file.First(WsqSegments.Sof).Body!;
        body[2] = (byte)(height >> 8);
        body[3] = (byte)height;
        body[4] = (byte)(width >> 8);
        body[5] = (byte)width;
        return file.ToBytes();
    }
}
