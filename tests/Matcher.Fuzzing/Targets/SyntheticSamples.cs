using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Population;

namespace Matcher.Fuzzing.Targets;

/// <summary>Seed material from the synthetic population: realistic templates and embeddings, no personal data.</summary>
internal static class SyntheticSamples
{
    private static readonly SyntheticSubject Subject = PopulationGenerator.Create(seed: 1).Generate(0);

    public static IEnumerable<(int Position, Fingerprint.Templates.FingerprintTemplate Template)> Fingers(int count) =>
        Subject.Fingers.Take(count).Select(f => (f.Position, f.Template));

    public static SubjectRecord Record(int fingers, bool face) => new(
        new SubjectKey("default", Subject.SubjectId),
        [
            .. Fingers(fingers).Select(f => (EnrolledSample)new EnrolledFinger(f.Position, f.Template, 80)),
            .. face && Subject.FaceEmbedding is { } embedding ? [new EnrolledFace(DefaultFaceModelId, embedding, 90)] : Array.Empty<EnrolledSample>(),
        ],
        DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));

    private const string DefaultFaceModelId = "fuzz-face-model";
}
