using Matcher.Core.Modalities;

namespace Matcher.Core.Search;

/// <summary>One modality's part of a candidate: its samples' scores and their fusion.</summary>
public sealed record ModalityScore(Modality Modality, double Score, IReadOnlyList<SampleScore> Samples);
