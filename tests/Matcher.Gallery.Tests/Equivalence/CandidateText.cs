using System.Globalization;
using Matcher.Core.Modalities;
using Matcher.Core.Search;
using Matcher.Core.Subjects;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>
/// A candidate written out with round-trip number formats, so that two texts are equal exactly when the subjects, every
/// score and every per-finger score are equal to the last bit, and a failing comparison shows what differs.
/// </summary>
internal static class CandidateText
{
    public static string Of(Candidate candidate)
    {
        var fingerprint = candidate.Of(Modality.Fingerprint);
        return Of(candidate.Key, candidate.Score, fingerprint?.Score,
            fingerprint?.Samples.Select(s => (s.Position, s.Score)).ToList() ?? [], candidate.Of(Modality.Face)?.Score);
    }

    public static string Of(SubjectKey key, double score, double? fingerprintScore, IReadOnlyList<(int Position, double Score)> fingerScores,
        double? faceScore) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{key} {score:R}; fingers {fingerprintScore:R} [{string.Join(", ", fingerScores.Select(Finger))}]; face {faceScore:R}");

    private static string Finger((int Position, double Score) finger) =>
        string.Create(CultureInfo.InvariantCulture, $"{finger.Position}: {finger.Score:R}");
}
