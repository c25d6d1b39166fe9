using Matcher.Core.Subjects;
using Matcher.Gallery;
using Matcher.Gallery.Search;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Results;

namespace Matcher.Jobs.Search;

/// <summary>
/// One subject of a job searched in the job's gallery with the same cascade and calibrated fusion as an
/// identification, keeping the candidates that are members of the job (enrolled by its start) and not the subject
/// itself. Deterministic: the same gallery gives the same pairs, which is what makes a resumed job equal an
/// uninterrupted one.
/// </summary>
internal sealed class DedupSearch(SubjectIndex index, DedupJobDefinition definition, DateTimeOffset galleryAsOf, double threshold)
{
    private readonly SearchScope _scope = new(Galleries: new HashSet<string>(StringComparer.Ordinal) { definition.SearchedGallery });

    /// <summary>The subject's pairs; none when it was deleted since the job started or has no sample the job compares.</summary>
    public IReadOnlyList<DedupPair> PairsOf(SubjectRecord member, SearchEffort effort, CancellationToken cancellation)
    {
        if (index.Get(member.Key) is null)
        {
            return [];
        }
        var samples = member.Samples.Where(s => definition.Modalities.Includes(s.Modality)).ToList();
        if (samples.Count == 0)
        {
            return [];
        }
        var probe = index.Prepare(samples);
        // One more than asked, for the subject itself, which a search of its own gallery always returns.
        var extra = definition.IsSelfDedup ? 1 : 0;
        var candidates = index.Search(probe, _scope, definition.MaxCandidatesPerSubject + extra, threshold, effort, cancellation);
        var pairs = new List<DedupPair>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (candidate.Key == member.Key || index.Get(candidate.Key) is not { } other || !JobMembers.IsMember(other, galleryAsOf))
            {
                continue;
            }
            pairs.Add(new DedupPair(member.Key, candidate));
        }
        return pairs.Take(definition.MaxCandidatesPerSubject).ToList();
    }
}
