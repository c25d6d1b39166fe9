using Matcher.Core.Modalities;
using Matcher.Core.Scoring;
using Matcher.Core.Subjects;

namespace Matcher.Core.Search;

/// <summary>
/// A subject the probe may belong to. <see cref="Score"/> fuses every compared sample of every modality on the shared
/// calibrated scale; <see cref="Modalities"/> holds only the modalities that could be compared.
/// </summary>
public sealed record Candidate(SubjectKey Key, double Score, IReadOnlyList<ModalityScore> Modalities)
{
    public ModalityScore? Of(Modality modality) => Modalities.FirstOrDefault(m => m.Modality == modality);

    /// <summary>
    /// Fuses per-sample evidence into a candidate: each modality over its samples, the whole over every sample at once
    /// (not over the modality scores, which would count a many-finger match as one piece of evidence). Null when
    /// nothing was compared.
    /// </summary>
    public static Candidate? Fuse(SubjectKey key, IReadOnlyList<(Modality Modality, IReadOnlyList<SampleScore> Samples)> evidence)
    {
        var modalities = evidence
            .Where(e => e.Samples.Count > 0)
            .Select(e => new ModalityScore(e.Modality, ScoreFusion.Fuse(e.Samples.Select(s => s.Score)), e.Samples))
            .ToList();
        if (modalities.Count == 0)
        {
            return null;
        }
        return new Candidate(key, ScoreFusion.Fuse(modalities.SelectMany(m => m.Samples).Select(s => s.Score)), modalities);
    }
}
