using Matcher.Core.Search;
using Matcher.Core.Subjects;

namespace Matcher.Jobs.Results;

/// <summary>
/// Two subjects a job suspects are one person: <see cref="Subject"/> was searched and <see cref="Scores"/> is what the
/// full matchers gave its candidate <see cref="Other"/> (fused, per modality and per finger). Sensitive only by the ids.
/// </summary>
public sealed record DedupPair(SubjectKey Subject, Candidate Scores)
{
    public SubjectKey Other => Scores.Key;

    public double Score => Scores.Score;

    /// <summary>The same for both orders of the two subjects: a self-dedup job reports each unordered pair once.</summary>
    public (SubjectKey First, SubjectKey Second) UnorderedKey => Compare(Subject, Other) <= 0 ? (Subject, Other) : (Other, Subject);

    /// <summary>Ordinal by gallery, then subject id: the order every listing of a job uses.</summary>
    public static int Compare(SubjectKey a, SubjectKey b)
    {
        var gallery = string.CompareOrdinal(a.Gallery, b.Gallery);
        return gallery != 0 ? gallery : string.CompareOrdinal(a.SubjectId, b.SubjectId);
    }
}
