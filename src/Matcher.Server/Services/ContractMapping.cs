using Matcher.Contracts.V1;
using Matcher.Gallery.Search;

namespace Matcher.Server.Services;

/// <summary>Engine results in wire form.</summary>
internal static class ContractMapping
{
    public static Contracts.V1.Candidate ToContract(this Gallery.Search.Candidate candidate)
    {
        var result = new Contracts.V1.Candidate
        {
            SubjectId = candidate.Key.SubjectId,
            Gallery = candidate.Key.Gallery,
            Score = Math.Round(candidate.Score, 3),
        };
        if (candidate.FaceScore is { } face)
        {
            result.FaceScore = Math.Round(face, 3);
        }
        if (candidate.FingerprintScore is { } fingers)
        {
            result.FingerprintScore = Math.Round(fingers, 3);
        }
        result.FingerScores.AddRange(candidate.FingerScores.Select(ToContract));
        return result;
    }

    private static Contracts.V1.FingerScore ToContract(Gallery.Search.FingerScore score) =>
        new() { Position = (FingerPosition)score.Position, Score = Math.Round(score.Score, 3) };
}
