using Matcher.Cli.Commands.Population;
using Matcher.Contracts.V1;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;

namespace Matcher.Cli.Commands.Dedup.Report;

/// <summary>
/// One subject's samples from a manifest, read for display: each fingerprint as its template (extracted from the image
/// as the service extracts it, or read from the template file) with the image at 500 dpi, the frame the template's
/// coordinates live in; the face as colour pixels. A sample that cannot be read is kept as the reason, shown in the
/// report beside the scores instead of its image.
/// </summary>
internal sealed class SubjectSamples
{
    private SubjectSamples(IReadOnlyDictionary<FingerPosition, FingerSample> fingers, FaceSample? face)
    {
        Fingers = fingers;
        Face = face;
    }

    public IReadOnlyDictionary<FingerPosition, FingerSample> Fingers { get; }

    public FaceSample? Face { get; }

    public static SubjectSamples Load(SampleManifest manifest, ManifestSubject subject, FingerprintExtractor extractor)
    {
        var fingers = new Dictionary<FingerPosition, FingerSample>();
        FaceSample? face = null;
        foreach (var sample in subject.Samples)
        {
            if (sample.Finger is { } position)
            {
                fingers[position] = ReadFinger(manifest, sample, extractor);
            }
            else
            {
                face = ReadFace(manifest, sample);
            }
        }
        return new SubjectSamples(fingers, face);
    }

    private static FingerSample ReadFinger(SampleManifest manifest, ManifestSample sample, FingerprintExtractor extractor)
    {
        try
        {
            var bytes = manifest.Read(sample);
            if (ImageDecoder.DetectFormat(bytes) == ImageFormat.Unknown)
            {
                return new FingerSample(sample.File, TemplateCodecs.Import(bytes)[0].Template, null, null);
            }
            var dpi = sample.Dpi ?? throw new ManifestException($"{manifest.Name} line {sample.Line}: '{sample.File}' is a fingerprint image: give its dpi.");
            var image = ImageDecoder.DecodeGray(bytes);
            var template = extractor.Extract(image, dpi).Template;
            return new FingerSample(sample.File, template, Resampling.ScaleToDpi(image, dpi, FingerprintTemplate.Dpi), null);
        }
        catch (Exception e) when (e is BiometricInputException or ManifestException)
        {
            return new FingerSample(sample.File, null, null, e.Message);
        }
    }

    private static FaceSample ReadFace(SampleManifest manifest, ManifestSample sample)
    {
        try
        {
            return new FaceSample(sample.File, ImageDecoder.DecodeRgb(manifest.Read(sample)), null);
        }
        catch (Exception e) when (e is BiometricInputException or ManifestException)
        {
            return new FaceSample(sample.File, null, e.Message);
        }
    }
}

/// <summary>A fingerprint for display: its template and, when the manifest gave an image, the image at 500 dpi; or why neither could be read.</summary>
internal sealed record FingerSample(string File, FingerprintTemplate? Template, GrayImage? Image, string? Problem);

/// <summary>A face image for display, or why it could not be read.</summary>
internal sealed record FaceSample(string File, RgbImage? Image, string? Problem);
