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
/// uninterrupted one. A self-dedup compares each unordered pair once (<see cref="ComparedPairs"/>): a subject's search
/// skips the earlier subjects whose search already compared it, which found the pair if it scores; after a restart the
/// record starts empty, so a resumed job compares more, never less, and finds the same pairs.
/// </summary>
internal sealed class DedupSearch(SubjectIndex index, DedupJobDefinition definition, DateTimeOffset galleryAsOf, double threshold)
{
    private readonly SearchScope _scope = new(Galleries: new HashSet<string>(StringComparer.Ordinal) { definition.SearchedGallery });
    private readonly ComparedPairs _compared = new();

    /// <summary>
    /// The pairs of each member, searched together (one first-stage pass over the gallery for the whole block); none
    /// for a member deleted since the job started or without a sample the job compares.
    /// </summary>
    public IReadOnlyList<DedupPair> PairsOf(IReadOnlyList<SubjectRecord> members, SearchEffort effort, CancellationToken cancellation)
    {
        var searched = new List<(SubjectRecord Member, SearchProbe Probe)>(members.Count);
        foreach (var member in members)
        {
            var samples = member.Samples.Where(s => definition.Modalities.Includes(s.Modality)).ToList();
            if (samples.Count > 0 && index.Get(member.Key) is not null)
            {
                searched.Add((member, index.Prepare(samples)));
            }
        }
        if (searched.Count == 0)
        {
            return [];
        }
        // One more than asked, for the subject itself, which a search of its own gallery always returns.
        var extra = definition.IsSelfDedup ? 1 : 0;
        var probes = searched.Select(s => s.Probe).ToList();
        var found = definition.IsSelfDedup
            ? index.SearchManyComparingPairsOnce(probes, [.. searched.Select(s => s.Member.Key)], definition.SearchedGallery, _compared,
                definition.MaxCandidatesPerSubject + extra, threshold, effort, cancellation)
            : index.SearchMany(probes, _scope, definition.MaxCandidatesPerSubject + extra, threshold, effort, cancellation);
        var pairs = new List<DedupPair>();
        for (var i = 0; i < searched.Count; i++)
        {
            var member = searched[i].Member;
            pairs.AddRange(found[i]
                .Where(c => c.Key != member.Key && index.Get(c.Key) is { } other && JobMembers.IsMember(other, galleryAsOf))
                .Take(definition.MaxCandidatesPerSubject)
                .Select(c => new DedupPair(member.Key, c)));
        }
        return pairs;
    }
}
