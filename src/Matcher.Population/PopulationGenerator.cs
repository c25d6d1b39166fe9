using Matcher.Population.Faces;
using Matcher.Population.Files;
using Matcher.Population.Fingerprints;
using Matcher.Population.Sampling;

namespace Matcher.Population;

/// <summary>
/// The synthetic population of one seed. Subject i depends on (seed, i) alone, so subjects can be made in any order,
/// on any number of threads, and a file of N subjects is the same bytes however it was made.
/// </summary>
public sealed class PopulationGenerator
{
    /// <summary>Subjects made per batch when writing: each batch is generated in parallel, then written in order.</summary>
    private const int WriteBatch = 2048;

    private const ulong FingerPurpose = 1;

    private const ulong FacePurpose = 2;

    private const ulong BasisPurpose = 3;

    /// <param name="seed">The population's seed.</param>
    /// <param name="faces">The face model, or null for a population without faces.</param>
    /// <param name="faceModelId">The id of the real model whose embeddings the synthetic ones stand in for.</param>
    public PopulationGenerator(ulong seed, FaceEmbeddingModel? faces, string faceModelId)
    {
        ArgumentNullException.ThrowIfNull(faceModelId);
        if (faces is not null && faceModelId.Length == 0)
        {
            throw new ArgumentException("Synthetic faces stand in for a real model's embeddings; name that model.", nameof(faceModelId));
        }
        Seed = seed;
        Faces = faces;
        FaceModelId = faces is null ? string.Empty : faceModelId;
    }

    public ulong Seed { get; }

    public FaceEmbeddingModel? Faces { get; }

    public string FaceModelId { get; }

    /// <summary>
    /// Fingers and faces of the default face model (<see cref="DefaultFaceModel"/>), with a random basis drawn from
    /// <paramref name="seed"/>, or <paramref name="basis"/> when given (for example one taken from real embeddings).
    /// </summary>
    public static PopulationGenerator Create(ulong seed, string faceModelId = DefaultFaceModel.Id, EmbeddingBasis? basis = null)
    {
        basis ??= EmbeddingBasis.Random(SplitMix64.Derive(seed, 0, BasisPurpose), DefaultFaceModel.Dimension, DefaultFaceModel.Parameters.Rank);
        return new PopulationGenerator(seed, new FaceEmbeddingModel(DefaultFaceModel.Parameters, basis), faceModelId);
    }

    public static string SubjectIdOf(long index) => $"synthetic-{index:D9}";

    public PopulationHeader HeaderFor(long subjectCount) =>
        new(Seed, subjectCount, FaceModelId, Faces?.Dimension ?? 0);

    public SyntheticSubject Generate(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var fingers = new SyntheticFinger[10];
        for (var position = 1; position <= 10; position++)
        {
            var fingerSeed = SplitMix64.Derive(Seed, (ulong)index, (FingerPurpose << 8) | (ulong)position);
            fingers[position - 1] = FingerprintSynthesizer.Synthesize(position, fingerSeed);
        }
        var face = Faces?.Draw(SplitMix64.Derive(Seed, (ulong)index, FacePurpose));
        return new SyntheticSubject(SubjectIdOf(index), fingers, face);
    }

    /// <summary>Subjects <paramref name="start"/> .. start + count - 1, in order, made on one thread as they are read.</summary>
    public IEnumerable<SyntheticSubject> Generate(long start, long count)
    {
        for (var index = start; index < start + count; index++)
        {
            yield return Generate(index);
        }
    }

    /// <summary>
    /// Writes subjects 0 .. <paramref name="subjectCount"/> - 1 as a population file (the writer owns and closes
    /// <paramref name="stream"/>), generating each batch on <paramref name="threads"/> threads; reports the subjects
    /// written so far.
    /// </summary>
    public void WriteFile(Stream stream, long subjectCount, int threads, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subjectCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        using var writer = PopulationWriter.Create(stream, HeaderFor(subjectCount));
        var batch = new PopulationSubject[WriteBatch];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };
        for (long start = 0; start < subjectCount; start += WriteBatch)
        {
            var size = (int)Math.Min(WriteBatch, subjectCount - start);
            Parallel.For(0, size, parallel, i => batch[i] = Generate(start + i).ToPopulationSubject());
            for (var i = 0; i < size; i++)
            {
                writer.Write(batch[i]);
            }
            progress?.Report(start + size);
        }
    }
}
