using Matcher.Gallery.Subjects;

namespace Matcher.Gallery.Search;

/// <summary>
/// A subject the probe may belong to. <see cref="Score"/> fuses every compared finger and the face on the shared
/// calibrated scale; the per-modality parts are null when that modality could not be compared.
/// </summary>
public sealed record Candidate(
    SubjectKey Key,
    double Score,
    double? FaceScore,
    double? FingerprintScore,
    IReadOnlyList<FingerScore> FingerScores);
