using System.Globalization;
using Google.Protobuf;
using Matcher.Contracts.V1;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// The samples of one person from the command line: <c>--finger POS=PATH[@DPI]</c> (repeatable) and <c>--face PATH</c>.
/// A fingerprint file whose content is an image is sent as one, at @DPI (500 when not given); any other file must be a
/// template record (ISO 19794-2, ANSI 378 or native), checked here so a wrong file is named before anything is sent.
/// File contents are wrapped into the request, not copied: nothing else holds or changes them.
/// </summary>
internal static class SampleArguments
{
    public const string Usage = "[--finger POS=PATH[@DPI]]... [--face PATH]";

    public const int DefaultDpi = 500;

    /// <summary>The service's default message limit: a larger file could never be sent.</summary>
    private const long MaxFileBytes = 32L * 1024 * 1024;

    public static Samples Read(CliArguments arguments)
    {
        var samples = new Samples();
        samples.Fingerprints.AddRange(arguments.Options("finger").Select(Finger));
        if (arguments.Option("face") is { } facePath)
        {
            samples.Face = Face(facePath);
        }
        if (samples.Fingerprints.Count == 0 && samples.Face is null)
        {
            throw new CliUsageException("Give at least one sample: --finger POS=PATH[@DPI] (repeatable) or --face PATH.");
        }
        return samples;
    }

    public static FingerprintSample Finger(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            throw new CliUsageException($"--finger expects POS=PATH[@DPI], such as right-index=101_1.tif@500, not '{value}'.");
        }
        var position = FingerPositions.Parse(value[..equals]);
        var (path, dpi) = SplitDpi(value[(equals + 1)..]);
        var bytes = ReadBounded(path);
        if (ImageDecoder.DetectFormat(bytes) != ImageFormat.Unknown)
        {
            return new FingerprintSample
            {
                Position = position,
                Image = new EncodedImage { Data = UnsafeByteOperations.UnsafeWrap(bytes), Dpi = (uint)(dpi ?? DefaultDpi) },
            };
        }
        if (dpi is not null)
        {
            throw new CliUsageException($"'{path}' is a template, not an image: remove @{dpi}; a template carries its own resolution.");
        }
        RequireTemplate(bytes, path);
        // Format left unspecified: the service reads it from the header, as RequireTemplate just did.
        return new FingerprintSample { Position = position, Template = new FingerprintTemplateData { Data = UnsafeByteOperations.UnsafeWrap(bytes) } };
    }

    private static FaceSample Face(string path)
    {
        var bytes = ReadBounded(path);
        if (ImageDecoder.DetectFormat(bytes) == ImageFormat.Unknown)
        {
            throw BiometricInputException.Invalid("image.unsupported_format",
                $"'{path}' is not an image file; a face is sent as PNG, JPEG, BMP, TIFF, WebP or PGM/PPM.");
        }
        return new FaceSample { Image = new EncodedImage { Data = UnsafeByteOperations.UnsafeWrap(bytes) } };
    }

    /// <summary>A trailing @digits is the resolution; any other @ belongs to the file name.</summary>
    private static (string Path, int? Dpi) SplitDpi(string text)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1 || !text[(at + 1)..].All(char.IsAsciiDigit))
        {
            return (text, null);
        }
        return int.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var dpi)
            ? (text[..at], dpi)
            : throw new CliUsageException($"The resolution in '{text}' is not a plausible dpi.");
    }

    private static void RequireTemplate(byte[] bytes, string path)
    {
        try
        {
            TemplateCodecs.Detect(bytes);
        }
        catch (BiometricInputException e)
        {
            throw new BiometricInputException(e.Problem, e.ReasonCode, $"'{path}' is neither an image nor a template we can read. {e.Message}");
        }
    }

    private static byte[] ReadBounded(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"File '{path}' does not exist.");
        }
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw BiometricInputException.TooLarge("file.too_large",
                $"'{path}' is {length:N0} bytes; a fingerprint or face sample is far smaller (at most {MaxFileBytes:N0}).");
        }
        return File.ReadAllBytes(path);
    }
}
