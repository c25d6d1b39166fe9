using System.Diagnostics;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// Reads one fingerprint file: an image (any format the decoder knows, recognised by content) is decoded and
/// extracted at the given dpi, or at the one a WSQ file declares in its NIST comment when none is given; anything else
/// must be a template record (ISO 19794-2, ANSI 378 or native). A perturbation, when given, changes the image first.
/// </summary>
internal static class FingerprintFile
{
    /// <summary>Larger files are neither a fingerprint image nor a template; refuse before reading them.</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    public static LoadedFingerprint Load(string path, int? dpi, FingerprintExtractor extractor, EvalPerturbation? perturbation = null)
    {
        var bytes = ReadBounded(path);
        if (ImageDecoder.DetectFormat(bytes) == ImageFormat.Unknown)
        {
            var views = TemplateCodecs.Import(bytes);
            if (views.Count == 0)
            {
                throw BiometricInputException.Unusable("template.no_views", $"The template record '{Path.GetFileName(path)}' holds no finger view.");
            }
            if (perturbation is not null)
            {
                throw new CliUsageException($"'{Path.GetFileName(path)}' is a template: --perturb changes images only.");
            }
            return new LoadedFingerprint(views[0].Template, ExtractionMilliseconds: null);
        }
        if ((dpi ?? ImageDecoder.DeclaredDpi(bytes)) is not { } resolution)
        {
            throw new CliUsageException($"'{Path.GetFileName(path)}' is an image: give the scanner resolution with --dpi.");
        }
        var stopwatch = Stopwatch.StartNew();
        var image = ImageDecoder.DecodeGray(bytes);
        if (perturbation is not null)
        {
            image = perturbation.Apply(image, resolution, path);
        }
        var template = extractor.Extract(image, resolution).Template;
        return new LoadedFingerprint(template, stopwatch.Elapsed.TotalMilliseconds);
    }

    private static byte[] ReadBounded(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw BiometricInputException.TooLarge("file.too_large",
                $"'{Path.GetFileName(path)}' is {length:N0} bytes; a fingerprint image or template is far smaller.");
        }
        return File.ReadAllBytes(path);
    }
}

/// <summary>A template and, when it came from an image, how long decoding and extraction took.</summary>
internal sealed record LoadedFingerprint(FingerprintTemplate Template, double? ExtractionMilliseconds);
