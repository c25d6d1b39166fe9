using Matcher.Fingerprint.Templates;
using Matcher.Population.Files;
using Matcher.Population.Fingerprints;

namespace Matcher.Population;

/// <summary>
/// One synthetic person: ten fingers (positions 1-10) and, when the population has faces, a unit face embedding.
/// Use the domain objects directly (templates, embedding) or <see cref="ToPopulationSubject"/> for the file format.
/// </summary>
public sealed record SyntheticSubject(string SubjectId, IReadOnlyList<SyntheticFinger> Fingers, float[]? FaceEmbedding)
{
    /// <summary>The template of the finger at ISO position 1-10.</summary>
    public FingerprintTemplate Finger(int position) =>
        Fingers.FirstOrDefault(f => f.Position == position)?.Template
        ?? throw new ArgumentOutOfRangeException(nameof(position), position, "Finger positions are 1 to 10.");

    /// <summary>The subject as a file record, each template written as an ISO/IEC 19794-2:2005 record.</summary>
    public PopulationSubject ToPopulationSubject() =>
        new(SubjectId,
            [.. Fingers.Select(f => new PopulationFinger(f.Position, TemplateCodecs.Export(f.Template, TemplateFormat.Iso19794_2_2005, f.Position)))],
            FaceEmbedding);
}
