using System.Text;
using Matcher.Core.Errors;
using Matcher.Imaging.Tests.Support;
using SkiaSharp;
using Xunit;

namespace Matcher.Imaging.Tests;

/// <summary>
/// Feeds random, truncated, bit-flipped, spliced and oversized-header variants of valid images of every format to the
/// decoder. Each must succeed or end in a BiometricInputException (Invalid or TooLarge): no other exception, no hang,
/// no allocation beyond what the limits allow. The random inputs are the same on every run and every machine, so a
/// failure seen once can be seen again.
/// </summary>
public sealed class DecoderFuzzTests
{
    /// <summary>
    /// Multiplies every fuzz loop (1000 inputs per seed image, 2000 magic-number inputs): set
    /// MATCHER_FUZZ_ITERATIONS=100 for a long run before a release. The first inputs of a long run are the CI ones.
    /// </summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("MATCHER_FUZZ_ITERATIONS"), out var factor) && factor > 0 ? factor : 1;

    /// <summary>Far above the slowest decode of these small images (milliseconds): only a hang takes this long.</summary>
    private static readonly TimeSpan HangPatience = TimeSpan.FromSeconds(60);

    private static readonly ImageLimits Limits = new() { MaxPixels = 256 * 256, MaxEncodedBytes = 256 * 1024 };

    /// <summary>Managed bytes one decode may allocate: RGBA, RGB and grey buffers at the pixel limit, and slack.</summary>
    private const long AllocationBudget = 256 * 256 * 16 + 4 * 1024 * 1024;

    public static TheoryData<string> Seeds() => new(SeedImages().Keys);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_inputs_end_in_a_biometric_input_exception_or_an_image(string seedName)
    {
        var seed = SeedImages()[seedName];
        Assert.NotNull(ImageDecoder.DecodeGray(seed, Limits)); // the seed itself is valid
        var random = new Random(StableSeed(seedName));
        var (outcomes, failures) = await StallWatch.RunAsync(watch =>
        {
            var counts = new Dictionary<string, int>();
            var found = new List<string>();
            for (var i = 0; i < 1000 * Iterations; i++)
            {
                var (kind, input) = Mutate(seed, random);
                watch.Starting($"{seedName} #{i} {kind}");
                var outcome = Run(input, out var failure);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                if (failure is not null)
                {
                    found.Add($"{seedName} #{i} {kind}: {failure}; input {Convert.ToHexString(input.AsSpan(0, Math.Min(64, input.Length)))}");
                }
            }
            return (counts, found);
        }, HangPatience, TimeProvider.System);
        TestContext.Current.SendDiagnosticMessage($"{seedName}: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        // The mutations must reach the decoders, not only the format check.
        Assert.True(outcomes.Keys.Count(k => k.StartsWith("image.", StringComparison.Ordinal)) >= 2 || outcomes.ContainsKey("decoded"),
            string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}")));
    }

    [Fact]
    public async Task Random_bytes_behind_every_magic_number()
    {
        byte[][] magics =
        [
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], "BM"u8.ToArray(),
            "RIFF\0\0\0\0WEBP"u8.ToArray(), "II*\0"u8.ToArray(), "MM\0*"u8.ToArray(), "P5 "u8.ToArray(), "P2 "u8.ToArray(),
            "P6\n"u8.ToArray(), "P3\t"u8.ToArray(), [0xFF, 0xA0], [0xFF, 0xA0, 0xFF, 0xA8], [],
        ];
        var random = new Random(42);
        var failures = await StallWatch.RunAsync(watch =>
        {
            var found = new List<string>();
            for (var i = 0; i < 2000 * Iterations; i++)
            {
                var magic = magics[i % magics.Length];
                var body = new byte[random.Next(0, 300)];
                random.NextBytes(body);
                var input = magic.Concat(body).ToArray();
                watch.Starting($"random input #{i}");
                Run(input, out var failure);
                if (failure is not null)
                {
                    found.Add($"#{i}: {failure}; input {Convert.ToHexString(input.AsSpan(0, Math.Min(64, input.Length)))}");
                }
            }
            return found;
        }, HangPatience, TimeProvider.System);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void Oversized_headers_of_every_format_are_too_large()
    {
        var limits = new ImageLimits { MaxPixels = 100 };
        var images = SeedImages();
        foreach (var name in new[] { "tiff-le", "tiff-be-strips", "png-grey", "jpeg", "bmp", "webp", "pgm-raw", "ppm-plain" })
        {
            var error = Expect.Problem(InputProblem.TooLarge, "image.too_large", () => ImageDecoder.DecodeGray(images[name], limits));
            Assert.Contains("at most 100 pixels are accepted", error.Message);
        }
    }

    [Fact]
    public void A_png_declaring_50000_by_50000_pixels_is_too_large_before_allocation()
    {
        var png = SkiaImages.Encode(1, 1, (_, _) => (1, 2, 3), SKEncodedImageFormat.Png);
        // IHDR data starts at byte 16: width, height (big-endian); its CRC covers type and data (bytes 12..28).
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 50_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 50_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Expect.Problem(InputProblem.TooLarge, "image.too_large", () => ImageDecoder.DecodeGray(png));

        Assert.Equal("The image is 50000 x 50000 pixels; at most 16777216 pixels are accepted.", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    [Fact]
    public void Encoded_size_above_the_limit_is_too_large()
    {
        var error = Expect.Problem(InputProblem.TooLarge, "image.too_large",
            () => ImageDecoder.DecodeGray(new byte[2000], new ImageLimits { MaxEncodedBytes = 1000 }));
        Assert.Equal("The encoded image is 2000 bytes; at most 1000 bytes are accepted.", error.Message);
    }

    [Fact]
    public void Empty_and_unknown_inputs()
    {
        Expect.Invalid("image.empty", () => ImageDecoder.DecodeGray([]));
        Expect.Invalid("image.unsupported_format", () => ImageDecoder.DecodeGray("GIF89a..."u8.ToArray()));
        Assert.Equal(ImageFormat.Unknown, ImageDecoder.DetectFormat("P4 1 1\n\0"u8));
    }

    private static string Run(byte[] input, out string? failure)
    {
        failure = null;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        string outcome;
        try
        {
            var image = ImageDecoder.DecodeGray(input, Limits);
            outcome = image.Width * image.Height <= Limits.MaxPixels ? "decoded" : "over the limit";
            if (outcome != "decoded")
            {
                failure = $"decoded {image.Width} x {image.Height}, above the pixel limit";
            }
        }
        catch (BiometricInputException exception) when (exception.Problem is InputProblem.Invalid or InputProblem.TooLarge)
        {
            outcome = exception.ReasonCode;
            if (exception.InnerException is not null)
            {
                failure = $"wrapped {exception.InnerException.GetType().Name}: {exception.InnerException.Message}";
            }
        }
        catch (Exception exception)
        {
            outcome = exception.GetType().Name;
            failure = $"{exception.GetType().Name}: {exception.Message} at {exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (allocated > AllocationBudget)
        {
            failure ??= $"allocated {allocated} bytes";
        }
        return outcome;
    }

    /// <summary>
    /// FNV-1a of the seed image's name: the same on every run, unlike string.GetHashCode, which .NET randomises per
    /// process.
    /// </summary>
    private static int StableSeed(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & int.MaxValue);
    }

    private static (string Kind, byte[] Input) Mutate(byte[] seed, Random random)
    {
        var data = (byte[])seed.Clone();
        switch (random.Next(7))
        {
            case 0:
                return ("truncate", data[..random.Next(0, data.Length)]);
            case 1:
                for (var n = random.Next(1, 9); n > 0; n--)
                {
                    var position = random.Next(data.Length);
                    data[position] ^= (byte)(1 << random.Next(8));
                }
                return ("bit flips", data);
            case 2:
                byte[] interesting = [0, 1, 0x7F, 0x80, 0xFE, 0xFF];
                for (var n = random.Next(1, 5); n > 0; n--)
                {
                    data[random.Next(Math.Min(data.Length, 96))] = interesting[random.Next(interesting.Length)];
                }
                return ("header bytes", data);
            case 3:
            {
                // A big 16- or 32-bit number somewhere in the header, in either byte order: declared sizes and offsets.
                var position = random.Next(Math.Max(1, Math.Min(data.Length - 4, 80)));
                var value = random.Next(2) == 0 ? 0xFFFFu : (uint)random.Next(0x10000, int.MaxValue);
                var bytes = BitConverter.GetBytes(value);
                if (random.Next(2) == 0)
                {
                    Array.Reverse(bytes);
                }
                var size = Math.Min(random.Next(2) == 0 ? 2 : 4, data.Length - position);
                bytes.AsSpan(0, size).CopyTo(data.AsSpan(position));
                return ("big header number", data);
            }
            case 4:
            {
                var start = random.Next(data.Length);
                var length = random.Next(1, Math.Max(2, data.Length - start));
                return ("cut out a chunk", data[..start].Concat(data[Math.Min(data.Length, start + length)..]).ToArray());
            }
            case 5:
            {
                var position = random.Next(data.Length);
                var noise = new byte[random.Next(1, 64)];
                random.NextBytes(noise);
                return ("insert noise", data[..position].Concat(noise).Concat(data[position..]).ToArray());
            }
            default:
            {
                var keep = random.Next(1, Math.Min(data.Length, 40));
                var tail = new byte[random.Next(0, 400)];
                random.NextBytes(tail);
                return ("random tail", data[..keep].Concat(tail).ToArray());
            }
        }
    }

    private static Dictionary<string, byte[]> SeedImages()
    {
        static (byte, byte, byte) Pattern(int x, int y) => ((byte)(x * 9), (byte)(y * 13), (byte)((x ^ y) * 5));
        var grey = TiffBuilder.Gradient(24, 18, 1);
        var colour = TiffBuilder.Gradient(24, 18, 3);
        var palette = Enumerable.Range(0, 768).Select(i => (ushort)(i * 85)).ToArray();
        return new Dictionary<string, byte[]>
        {
            ["tiff-le"] = new TiffBuilder { Width = 24, Height = 18, Samples = grey }.Build(),
            ["tiff-be-strips"] = new TiffBuilder { Width = 24, Height = 18, Samples = grey, BigEndian = true, RowsPerStrip = 4 }.Build(),
            ["tiff-lzw-predictor"] = new TiffBuilder { Width = 24, Height = 18, Samples = grey, Compression = 5, Predictor = 2, RowsPerStrip = 7 }.Build(),
            ["tiff-deflate-rgb16"] = new TiffBuilder
            {
                Width = 24, Height = 18, Samples = TiffBuilder.Gradient(24, 18, 3, 65535), SamplesPerPixel = 3, BitsPerSample = 16,
                Photometric = 2, Compression = 8, Predictor = 2,
            }.Build(),
            ["tiff-packbits-rgb"] = new TiffBuilder { Width = 24, Height = 18, Samples = colour, SamplesPerPixel = 3, Photometric = 2, Compression = 32773 }.Build(),
            ["tiff-palette"] = new TiffBuilder { Width = 24, Height = 18, Samples = grey, Photometric = 3, ColorMap = palette }.Build(),
            ["tiff-libtiff-lzw"] = Convert.FromBase64String(LibtiffFixtures.Grey24x16.Single(f => f.Name == "g8-lzw-pred-be.tif").Base64),
            ["png-grey"] = SkiaImages.Encode(24, 18, (x, y) => ((byte)(x * 10), (byte)(x * 10), (byte)(x * 10)), SKEncodedImageFormat.Png),
            ["png-colour"] = SkiaImages.Encode(24, 18, Pattern, SKEncodedImageFormat.Png),
            ["jpeg"] = SkiaImages.Encode(24, 18, Pattern, SKEncodedImageFormat.Jpeg, 80),
            ["jpeg-exif"] = SkiaImages.WithExifOrientation(SkiaImages.Encode(24, 18, Pattern, SKEncodedImageFormat.Jpeg, 80), 6),
            ["jpeg-grey"] = SkiaImages.EncodeGray(24, 18, (x, y) => (byte)(x * 10 + y), SKEncodedImageFormat.Jpeg, 80),
            ["webp"] = SkiaImages.Encode(24, 18, Pattern, SKEncodedImageFormat.Webp),
            ["bmp"] = Bmp24(24, 18, Pattern),
            ["pgm-raw"] = Encoding.ASCII.GetBytes("P5\n# seed\n24 18\n255\n").Concat(grey.Select(v => (byte)v)).ToArray(),
            ["pgm-plain-16bit"] = Encoding.ASCII.GetBytes("P2 24 18 65535\n" + string.Join(" ", grey.Select(v => v * 257))),
            ["ppm-raw"] = Encoding.ASCII.GetBytes("P6 24 18 255\n").Concat(colour.Select(v => (byte)v)).ToArray(),
            ["ppm-plain"] = Encoding.ASCII.GetBytes("P3\n24 18\n255\n" + string.Join("\n", colour)),
            ["wsq"] = ImageEncoder.EncodeWsq(Ridges(64, 48), ppi: 500),
        };
    }

    /// <summary>Slanted ridges about 9 pixels apart, so that every WSQ subband holds coefficients to code.</summary>
    private static GrayImage Ridges(int width, int height)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[y * width + x] = (byte)(128 + 100 * Math.Sin((x + 0.6 * y) * 2 * Math.PI / 9));
            }
        }
        return new GrayImage(width, height, pixels);
    }

    /// <summary>A 24-bit bottom-up Windows BMP (BITMAPINFOHEADER), rows padded to 4 bytes.</summary>
    private static byte[] Bmp24(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var rowBytes = (width * 3 + 3) & ~3;
        var size = 54 + rowBytes * height;
        var bmp = new byte[size];
        "BM"u8.CopyTo(bmp);
        BitConverter.TryWriteBytes(bmp.AsSpan(2), size);
        BitConverter.TryWriteBytes(bmp.AsSpan(10), 54);
        BitConverter.TryWriteBytes(bmp.AsSpan(14), 40);
        BitConverter.TryWriteBytes(bmp.AsSpan(18), width);
        BitConverter.TryWriteBytes(bmp.AsSpan(22), height);
        BitConverter.TryWriteBytes(bmp.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(bmp.AsSpan(28), (short)24);
        BitConverter.TryWriteBytes(bmp.AsSpan(34), rowBytes * height);
        for (var y = 0; y < height; y++)
        {
            var row = 54 + (height - 1 - y) * rowBytes;
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                bmp[row + x * 3] = b;
                bmp[row + x * 3 + 1] = g;
                bmp[row + x * 3 + 2] = r;
            }
        }
        return bmp;
    }
}
