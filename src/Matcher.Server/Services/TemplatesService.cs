using Google.Protobuf;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Fingerprint.Templates;
using Matcher.Server.Errors;
using Matcher.Server.Hosting;
using Matcher.Server.Samples;
using static Matcher.Contracts.V1.Templates;

namespace Matcher.Server.Services;

/// <summary>Stateless template utilities: extraction from images and conversion between formats.</summary>
internal sealed class TemplatesService(FingerprintSampleReader fingerprints, FaceEngineProvider faces) : TemplatesBase
{
    public override Task<ExtractTemplateResponse> ExtractTemplate(ExtractTemplateRequest request, ServerCallContext context) =>
        Task.FromResult(request.SampleCase switch
        {
            ExtractTemplateRequest.SampleOneofCase.Fingerprint => ExtractFingerprint(request),
            ExtractTemplateRequest.SampleOneofCase.Face => ExtractFace(request.Face),
            _ => throw new InvalidRequestException("sample", "Send a fingerprint or a face sample to extract a template from."),
        });

    private ExtractTemplateResponse ExtractFingerprint(ExtractTemplateRequest request)
    {
        var format = ContractFormats.ToEngine(request.Format, "format");
        var read = fingerprints.Read(request.Fingerprint, "fingerprint", requirePosition: false);
        var encoded = TemplateCodecs.Export(read.Template, format, read.Position);
        return new ExtractTemplateResponse
        {
            FingerprintTemplate = new FingerprintTemplateData
            {
                Data = ByteString.CopyFrom(encoded),
                Format = ContractFormats.FromEngine(format),
            },
            Quality = new SampleQuality
            {
                Sample = read.Position == 0 ? "finger" : $"finger {read.Position}",
                Score = (uint)Math.Clamp(read.Quality, 0, 100),
                Usable = true,
            },
            Minutiae = (uint)read.Template.Minutiae.Count,
        };
    }

    private ExtractTemplateResponse ExtractFace(Contracts.V1.FaceSample sample)
    {
        if (sample.SourceCase != Contracts.V1.FaceSample.SourceOneofCase.Image || sample.Image.Data.IsEmpty)
        {
            throw new InvalidRequestException("face.image.data", "Send the face image to extract an embedding from.");
        }
        var extracted = faces.Engine.Extract(sample.Image.Data.Span);
        var embedding = new Contracts.V1.FaceEmbedding { ModelId = extracted.Embedding.ModelId };
        embedding.Values.AddRange(extracted.Embedding.Values.ToArray());
        return new ExtractTemplateResponse
        {
            FaceEmbedding = embedding,
            Quality = new SampleQuality
            {
                Sample = "face",
                Score = (uint)Math.Clamp(Math.Round(extracted.Quality.Score), 0, 100),
                Reasons = { extracted.Quality.Problems },
                Usable = extracted.Quality.IsUsable,
            },
        };
    }

    public override Task<ConvertTemplateResponse> ConvertTemplate(ConvertTemplateRequest request, ServerCallContext context)
    {
        if (request.Template is null || request.Template.Data.IsEmpty)
        {
            throw new InvalidRequestException("template.data", "The template to convert is empty.");
        }
        if (request.TargetFormat == Contracts.V1.TemplateFormat.Unspecified)
        {
            throw new InvalidRequestException("target_format", "Name the format to convert to: native, ISO 19794-2:2005 or ANSI 378-2004.");
        }
        var source = TemplateCodecs.Detect(request.Template.Data.Span);
        var views = TemplateCodecs.Import(request.Template.Data.Span);
        var target = ContractFormats.ToEngine(request.TargetFormat, "target_format");
        return Task.FromResult(new ConvertTemplateResponse
        {
            Template = new FingerprintTemplateData
            {
                Data = ByteString.CopyFrom(TemplateCodecs.Export(views, target)),
                Format = request.TargetFormat,
            },
            SourceFormat = ContractFormats.FromEngine(source),
            Views = (uint)views.Count,
        });
    }
}
