using Matcher.Core.Errors;
using Matcher.Server.Errors;
using Matcher.Server.Hosting;

namespace Matcher.Server.Samples;

/// <summary>A face made ready for matching, with its quality when it came from an image.</summary>
internal sealed record ReadFace(string ModelId, float[] Embedding, int Quality, IReadOnlyList<string> Reasons, double? Liveness);

/// <summary>Turns a contract face sample (image or embedding) into a unit-length embedding of the server's model.</summary>
internal sealed class FaceSampleReader(FaceEngineProvider faces)
{
    public ReadFace Read(Contracts.V1.FaceSample sample, string field)
    {
        switch (sample.SourceCase)
        {
            case Contracts.V1.FaceSample.SourceOneofCase.Image:
                if (sample.Image.Data.IsEmpty)
                {
                    throw new InvalidRequestException($"{field}.image.data", "The face image is empty.");
                }
                var extracted = faces.Engine.Extract(sample.Image.Data.Span);
                return new ReadFace(extracted.Embedding.ModelId, extracted.Embedding.Values.ToArray(),
                    (int)Math.Round(extracted.Quality.Score), extracted.Quality.Problems, extracted.Liveness);
            case Contracts.V1.FaceSample.SourceOneofCase.Embedding:
                return ReadEmbedding(sample.Embedding, $"{field}.embedding");
            default:
                throw new InvalidRequestException(field, "The face sample is empty: send an image or an embedding.");
        }
    }

    private ReadFace ReadEmbedding(Contracts.V1.FaceEmbedding embedding, string field)
    {
        var engine = faces.Engine;
        if (embedding.ModelId != engine.EmbeddingModelId)
        {
            throw new InvalidRequestException($"{field}.model_id",
                $"The embedding was made by model '{embedding.ModelId}', but this server uses '{engine.EmbeddingModelId}'; send the face image instead.");
        }
        if (embedding.Values.Count != engine.EmbeddingDimension)
        {
            throw new InvalidRequestException($"{field}.values",
                $"The embedding has {embedding.Values.Count} values; model '{engine.EmbeddingModelId}' makes {engine.EmbeddingDimension}.");
        }
        try
        {
            var normalised = new Face.Embedding.FaceEmbedding(engine.EmbeddingModelId, embedding.Values.ToArray());
            return new ReadFace(normalised.ModelId, normalised.Values.ToArray(), 0, [], null);
        }
        catch (BiometricInputException e)
        {
            throw new InvalidRequestException($"{field}.values", e.Message);
        }
    }
}
