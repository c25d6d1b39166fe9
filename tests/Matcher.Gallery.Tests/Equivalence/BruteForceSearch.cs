using Matcher.Core.Scoring;
using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Matching;
using Matcher.Simd;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>A candidate as the reference computes it, with a text that holds every score to the last bit.</summary>
internal sealed record ReferenceCandidate(SubjectKey Key, double Score, string Text);

/// <summary>
/// The reference the gallery is checked against: every subject compared with the probe through the engines' 1:1 calls
/// (no index, no shortlist, no shards), fused as the gallery has always fused: each finger only with the enrolled
/// finger at its position, a face only with a face of its model, the fingerprint score over the fingers, the total
/// over every finger and the face.
/// </summary>
internal sealed class BruteForceSearch
{
    private readonly List<(SubjectKey Key, Dictionary<int, MatchCandidate> Fingers, EnrolledFace? Face)> _subjects;
    private readonly Func<double, double> _faceScoreOfSimilarity;

    public BruteForceSearch(IEnumerable<SubjectRecord> subjects, Func<double, double> faceScoreOfSimilarity)
    {
        _subjects = subjects.Select(s => (
            s.Key,
            s.Samples.OfType<EnrolledFinger>().ToDictionary(f => f.Position, f => new MatchCandidate(f.Template)),
            s.Samples.OfType<EnrolledFace>().SingleOrDefault())).ToList();
        _faceScoreOfSimilarity = faceScoreOfSimilarity;
    }

    /// <summary>Every subject that shares a comparable sample with the probe, best first (ties by gallery, then id).</summary>
    public IReadOnlyList<ReferenceCandidate> Search(IReadOnlyList<EnrolledSample> probe)
    {
        var fingers = probe.OfType<EnrolledFinger>().Select(f => (f.Position, Prepared: new PreparedProbe(f.Template))).ToList();
        var face = probe.OfType<EnrolledFace>().SingleOrDefault();
        var found = new List<ReferenceCandidate>();
        foreach (var subject in _subjects)
        {
            var fingerScores = fingers
                .Where(f => subject.Fingers.ContainsKey(f.Position))
                .Select(f => (f.Position, Score: FingerprintMatcher.Compare(f.Prepared, subject.Fingers[f.Position])))
                .ToList();
            double? faceScore = face is not null && subject.Face is { } enrolled
                && enrolled.ModelId == face.ModelId && enrolled.Embedding.Length == face.Embedding.Length
                    ? _faceScoreOfSimilarity(DotProduct.Dot(face.Embedding, enrolled.Embedding))
                    : null;
            if (fingerScores.Count == 0 && faceScore is null)
            {
                continue;
            }
            var evidence = fingerScores.Select(f => f.Score).Concat(faceScore is { } value ? [value] : Array.Empty<double>());
            var score = ScoreFusion.Fuse(evidence);
            double? fingerprintScore = fingerScores.Count == 0 ? null : ScoreFusion.Fuse(fingerScores.Select(f => f.Score));
            found.Add(new ReferenceCandidate(subject.Key, score,
                CandidateText.Of(subject.Key, score, fingerprintScore, fingerScores, faceScore)));
        }
        return found
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Key.Gallery, StringComparer.Ordinal)
            .ThenBy(c => c.Key.SubjectId, StringComparer.Ordinal)
            .ToList();
    }
}
