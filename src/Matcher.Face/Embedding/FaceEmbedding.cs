using Matcher.Core.Errors;

namespace Matcher.Face.Embedding;

/// <summary>
/// An L2-normalised face embedding and the id of the model that produced it. Embeddings of different models live in
/// unrelated spaces, so comparing them is refused rather than answered with a meaningless number. Sensitive data:
/// never log or print it outside an explicit export.
/// </summary>
public sealed class FaceEmbedding
{
    private readonly float[] _values;

    /// <summary>Wraps stored values; they are re-normalised so that the dot product is the cosine.</summary>
    public FaceEmbedding(string modelId, ReadOnlySpan<float> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (values.IsEmpty)
        {
            throw new ArgumentException("An embedding needs at least one value.", nameof(values));
        }
        double squares = 0;
        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                throw BiometricInputException.Invalid("face.embedding_invalid", "The face embedding contains values that are not numbers.");
            }
            squares += (double)value * value;
        }
        if (squares <= 0)
        {
            throw BiometricInputException.Invalid("face.embedding_invalid", "The face embedding is all zeros.");
        }
        var scale = (float)(1 / Math.Sqrt(squares));
        _values = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            _values[i] = values[i] * scale;
        }
        ModelId = modelId;
    }

    public string ModelId { get; }

    public int Dimension => _values.Length;

    public ReadOnlySpan<float> Values => _values;

    /// <summary>Cosine similarity in [-1, 1]; an error when the two embeddings come from different models.</summary>
    public double CosineSimilarity(FaceEmbedding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(ModelId, other.ModelId, StringComparison.Ordinal) || Dimension != other.Dimension)
        {
            throw BiometricInputException.Invalid(
                "face.model_mismatch",
                $"These face embeddings come from different models ('{ModelId}' and '{other.ModelId}') and cannot be compared; re-extract both with the same model.");
        }
        double dot = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            dot += _values[i] * other._values[i];
        }
        return Math.Clamp(dot, -1, 1);
    }
}
