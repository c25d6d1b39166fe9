using System.Buffers.Binary;

namespace Matcher.Fingerprint.Descriptors;

/// <summary>
/// How often each descriptor cell is filled in real fingers. Minutia pairs are far from uniform (neighbours run
/// nearly parallel along the ridges), so two unrelated fingers share many common cells by nature; the similarity
/// discounts what the background predicts for the pair and divides by its spread:
/// z = (shared - e_a * e_b / mean e) * s_a * s_b, symmetric in the two descriptors, about standard normal for impostors.
/// </summary>
public sealed class DescriptorBackground
{
    private const int EncodedLength = DescriptorParameters.Bits * sizeof(ushort) + sizeof(float);

    private readonly float[] _frequency;

    private DescriptorBackground(float[] frequency, float meanExpectation)
    {
        _frequency = frequency;
        MeanExpectation = meanExpectation;
    }

    /// <summary>The model fitted on the real fingers listed in FirstStage.md and embedded in <see cref="FirstStageModel"/>.</summary>
    public static DescriptorBackground Default => FirstStageModel.Background;

    /// <summary>Cells a finger of the fitting set shares, on average, with a typical other finger.</summary>
    public float MeanExpectation { get; }

    /// <summary>Counts how often each cell is filled over <paramref name="descriptors"/> (thousands, from many sensors).</summary>
    public static DescriptorBackground Fit(IReadOnlyCollection<FingerDescriptor> descriptors)
    {
        if (descriptors.Count == 0)
        {
            throw new ArgumentException("A background model needs descriptors of real fingers.", nameof(descriptors));
        }
        var counts = new int[DescriptorParameters.Bits];
        foreach (var descriptor in descriptors)
        {
            for (var bit = 0; bit < counts.Length; bit++)
            {
                counts[bit] += (int)(descriptor.Words[bit >> 6] >> (bit & 63) & 1);
            }
        }
        // Quantised as stored, so a fitted model and its decoded copy score identically.
        var frequency = counts.Select(c => Quantize((float)c / descriptors.Count)).ToArray();
        var unnormalised = new DescriptorBackground(frequency, 1);
        var meanExpectation = (float)descriptors.Average(d => unnormalised.NormOf(d).Expectation);
        return new DescriptorBackground(frequency, meanExpectation);
    }

    /// <summary>The model as a base64 string, to embed in <see cref="FirstStageModel"/>.</summary>
    public string Encode()
    {
        var bytes = new byte[EncodedLength];
        for (var bit = 0; bit < _frequency.Length; bit++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(bit * sizeof(ushort)), (ushort)Math.Round(_frequency[bit] * ushort.MaxValue));
        }
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(EncodedLength - sizeof(float)), MeanExpectation);
        return Convert.ToBase64String(bytes);
    }

    public static DescriptorBackground Decode(string encoded)
    {
        var bytes = Convert.FromBase64String(encoded);
        if (bytes.Length != EncodedLength)
        {
            throw new FormatException($"A descriptor background is {EncodedLength} bytes, not {bytes.Length}.");
        }
        var frequency = new float[DescriptorParameters.Bits];
        for (var bit = 0; bit < frequency.Length; bit++)
        {
            frequency[bit] = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(bit * sizeof(ushort))) / (float)ushort.MaxValue;
        }
        return new DescriptorBackground(frequency, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(EncodedLength - sizeof(float))));
    }

    /// <summary>The standardised similarity of two descriptors; symmetric, near 0 for unrelated fingers, large for mates.</summary>
    public double Similarity(FingerDescriptor first, FingerDescriptor second)
    {
        var shared = 0;
        for (var word = 0; word < DescriptorParameters.Words; word++)
        {
            shared += System.Numerics.BitOperations.PopCount(first.Words[word] & second.Words[word]);
        }
        return Standardise(shared, NormOf(first), NormOf(second));
    }

    /// <summary>The one place the similarity is formed, so the gallery scan and the reference agree.</summary>
    internal float Standardise(int shared, DescriptorNorm first, DescriptorNorm second) =>
        (shared - first.Expectation * second.Expectation / MeanExpectation) * (first.Spread * second.Spread);

    internal DescriptorNorm NormOf(FingerDescriptor descriptor)
    {
        double expectation = 0, variance = 0;
        for (var word = 0; word < DescriptorParameters.Words; word++)
        {
            // Only the set bits (a fifth of them), lowest first: enrolment computes this for every finger.
            for (var bits = descriptor.Words[word]; bits != 0; bits &= bits - 1)
            {
                var frequency = _frequency[word * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits)];
                expectation += frequency;
                variance += frequency * (1 - frequency);
            }
        }
        return new DescriptorNorm((float)expectation, (float)Math.Pow(Math.Max(variance, DescriptorParameters.MinimumVariance), -0.25));
    }

    private static float Quantize(float frequency) => (float)Math.Round(frequency * ushort.MaxValue) / ushort.MaxValue;
}
