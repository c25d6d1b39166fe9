using Matcher.Contracts.V1;
using Matcher.Core.Modalities;
using Matcher.Core.Search;

namespace Matcher.Server.Services;

/// <summary>Engine results in wire form.</summary>
internal static class ContractMapping
{
    public static Contracts.V1.Candidate ToContract(this Core.Search.Candidate candidate)
    {
        var result = new Contracts.V1.Candidate
        {
            SubjectId = candidate.Key.SubjectId,
            Gallery = candidate.Key.Gallery,
            Score = Math.Round(candidate.Score, 3),
        };
        if (candidate.Of(Modality.Face) is { } face)
        {
            result.FaceScore = Math.Round(face.Score, 3);
        }
        if (candidate.Of(Modality.Fingerprint) is { } fingers)
        {
            result.FingerprintScore = Math.Round(fingers.Score, 3);
            result.FingerScores.AddRange(fingers.Samples.Select(ToContract));
        }
        return result;
    }

    private static Contracts.V1.FingerScore ToContract(SampleScore score) =>
        new() { Position = (FingerPosition)score.Position, Score = Math.Round(score.Score, 3) };
}
