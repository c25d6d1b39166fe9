using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery.Search;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>The subjects, one probe per subject (its other captures), decoys to delete, and the brute-force answers.</summary>
internal sealed class Population
{
    private readonly Func<double, double> _faceScoreOfSimilarity;
    private readonly Lazy<IReadOnlyList<ReferenceCandidate>[]> _reference;

    public Population(IReadOnlyList<SubjectRecord> subjects, IReadOnlyList<IReadOnlyList<EnrolledSample>> probes,
        IReadOnlyList<SubjectRecord> decoys, Func<double, double> faceScoreOfSimilarity)
    {
        Subjects = subjects;
        Probes = probes;
        Decoys = decoys;
        _faceScoreOfSimilarity = faceScoreOfSimilarity;
        _reference = new(() =>
        {
            var bruteForce = new BruteForceSearch(subjects, faceScoreOfSimilarity);
            var answers = new IReadOnlyList<ReferenceCandidate>[probes.Count];
            Parallel.For(0, probes.Count, p => answers[p] = bruteForce.Search(probes[p]));
            return answers;
        });
    }

    public IReadOnlyList<SubjectRecord> Subjects { get; }

    public IReadOnlyList<IReadOnlyList<EnrolledSample>> Probes { get; }

    public IReadOnlyList<SubjectRecord> Decoys { get; }

    /// <summary>Brute force's answer for each probe: every comparable subject, best first.</summary>
    public IReadOnlyList<ReferenceCandidate>[] Reference => _reference.Value;

    /// <summary>An index of the subjects searched exhaustively with <paramref name="shortlist"/> per modality, or by the cascade.</summary>
    public SubjectIndex Enroll(int shards, int shortlist, bool withDeletedDecoys = false,
        SearchStrategy strategy = SearchStrategy.Exhaustive, int minimumShortlistPerShard = 128)
    {
        var index = new SubjectIndex(new GalleryOptions
        {
            ShardCount = shards,
            ShortlistPerModality = shortlist,
            Strategy = strategy,
            MinimumShortlistPerShard = minimumShortlistPerShard,
            Modalities = [new FingerprintIndexFactory(), new FaceIndexFactory(_faceScoreOfSimilarity)],
        });
        for (var i = 0; i < Subjects.Count; i++)
        {
            index.Add(Subjects[i]);
            // Interleaved, so that after deletion the tombstones sit between live rows of every shard.
            if (withDeletedDecoys && i < Decoys.Count)
            {
                index.Add(Decoys[i]);
            }
        }
        if (withDeletedDecoys)
        {
            foreach (var decoy in Decoys)
            {
                index.Remove(decoy.Key);
            }
        }
        return index;
    }
}
