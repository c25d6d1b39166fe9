using Matcher.Contracts.V1;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;
using Matcher.Server.Errors;

namespace Matcher.Server.Samples;

/// <summary>Turns a contract fingerprint sample (image, raw pixels or standard template) into an enrolled finger.</summary>
internal sealed class FingerprintSampleReader(FingerprintExtractor extractor, ImageLimits imageLimits)
{
    public EnrolledFinger Read(FingerprintSample sample, string field, bool requirePosition)
    {
        var position = (int)sample.Position;
        if (position is < 0 or > 10 || (requirePosition && position == 0))
        {
            throw new InvalidRequestException($"{field}.position",
                $"Finger position {position} is not valid: use 1 (right thumb) to 10 (left little finger).");
        }
        switch (sample.SourceCase)
        {
            case FingerprintSample.SourceOneofCase.Image:
                RequireData(sample.Image.Data.Length, $"{field}.image.data");
                var decoded = ImageDecoder.DecodeGray(sample.Image.Data.Span, imageLimits);
                // A WSQ file's NIST comment states its resolution; the request's dpi, when given, still wins.
                var dpi = sample.Image.Dpi != 0 ? sample.Image.Dpi : (uint)(ImageDecoder.DeclaredDpi(sample.Image.Data.Span) ?? 0);
                return Extract(position, decoded, dpi, $"{field}.image.dpi");
            case FingerprintSample.SourceOneofCase.Raw:
                RequireData(sample.Raw.Pixels.Length, $"{field}.raw.pixels");
                var raw = RawGray.FromBuffer(sample.Raw.Pixels.Span, (int)Math.Min(sample.Raw.Width, int.MaxValue),
                    (int)Math.Min(sample.Raw.Height, int.MaxValue), imageLimits);
                return Extract(position, raw, sample.Raw.Dpi, $"{field}.raw.dpi");
            case FingerprintSample.SourceOneofCase.Template:
                RequireData(sample.Template.Data.Length, $"{field}.template.data");
                return Import(position, sample.Template, field);
            default:
                throw new InvalidRequestException(field, "The fingerprint sample is empty: send an image, raw pixels or a template.");
        }
    }

    private EnrolledFinger Extract(int position, GrayImage image, uint dpi, string dpiField)
    {
        if (dpi == 0)
        {
            throw new InvalidRequestException(dpiField, "The scanner resolution (dpi) is required for fingerprint images (only a WSQ file with a NIST comment declares its own).");
        }
        var result = extractor.Extract(image, (int)Math.Min(dpi, int.MaxValue));
        return new EnrolledFinger(position, result.Template, result.Quality);
    }

    private static EnrolledFinger Import(int position, FingerprintTemplateData data, string field)
    {
        var views = TemplateCodecs.Import(data.Data.Span);
        if (data.Format != Contracts.V1.TemplateFormat.Unspecified)
        {
            var detected = TemplateCodecs.Detect(data.Data.Span);
            if (ContractFormats.FromEngine(detected) != data.Format)
            {
                throw new InvalidRequestException($"{field}.template.format",
                    $"The template was declared as {data.Format} but its header says {detected}.");
            }
        }
        if (views.Count != 1)
        {
            throw BiometricInputException.Invalid("template.view_count",
                $"A fingerprint sample must hold exactly one finger view; this template holds {views.Count}.");
        }
        var template = views[0].Template;
        return new EnrolledFinger(position == 0 ? views[0].FingerPosition : position, template, template.SampleQuality);
    }

    private static void RequireData(int length, string field)
    {
        if (length == 0)
        {
            throw new InvalidRequestException(field, "The sample data is empty.");
        }
    }
}
