using System.CommandLine;
using Google.Protobuf;
using Matcher.Cli.CommandLine;
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
internal sealed class SampleArguments
{
    public const int DefaultDpi = 500;

    /// <summary>The service's default message limit: a larger file could never be sent.</summary>
    private const long MaxFileBytes = 32L * 1024 * 1024;

    private readonly Option<IReadOnlyList<FingerArgument>> _fingers = CliValues.Repeated("--finger", FingerArgument.Syntax,
        $"A fingerprint, repeatable: POS is 1-10 or a name such as right-index; PATH an image (at DPI, {DefaultDpi} when not given) or an ISO/ANSI/native template.",
        FingerArgument.Parse);

    private readonly Option<string?> _face = new("--face") { Description = "A face image.", HelpName = "PATH" };

    public IEnumerable<Option> Options => [_fingers, _face];

    public Samples Read(ParseResult parsed)
    {
        var fingers = parsed.GetValue(_fingers) ?? [];
        var facePath = parsed.GetValue(_face);
        if (fingers.Count == 0 && facePath is null)
        {
            throw new CliUsageException($"Give at least one sample: --finger {FingerArgument.Syntax} (repeatable) or --face PATH.");
        }
        var samples = new Samples();
        samples.Fingerprints.AddRange(fingers.Select(Finger));
        if (facePath is not null)
        {
            samples.Face = Face(facePath);
        }
        return samples;
    }

    public static FingerprintSample Finger(FingerArgument finger)
    {
        var bytes = ReadBounded(finger.Path);
        if (ImageDecoder.DetectFormat(bytes) != ImageFormat.Unknown)
        {
            return new FingerprintSample
            {
                Position = finger.Position,
                Image = new EncodedImage { Data = UnsafeByteOperations.UnsafeWrap(bytes), Dpi = (uint)(finger.Dpi ?? DefaultDpi) },
            };
        }
        if (finger.Dpi is { } dpi)
        {
            throw new CliUsageException($"'{finger.Path}' is a template, not an image: remove @{dpi}; a template carries its own resolution.");
        }
        RequireTemplate(bytes, finger.Path);
        // Format left unspecified: the service reads it from the header, as RequireTemplate just did.
        return new FingerprintSample { Position = finger.Position, Template = new FingerprintTemplateData { Data = UnsafeByteOperations.UnsafeWrap(bytes) } };
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
