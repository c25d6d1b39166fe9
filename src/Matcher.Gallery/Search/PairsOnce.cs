using Matcher.Core.Subjects;

namespace Matcher.Gallery.Search;

/// <summary>
/// A search that compares each pair once: the ledger, the probes' own subjects, and the shard each of them lives in
/// (a row's recorded search is asked about the shard where it met the probe's subject).
/// </summary>
internal sealed record PairsOnce(ComparedPairs Ledger, IReadOnlyList<SubjectKey> ProbeSubjects, IReadOnlyList<int> ProbeShards)
{
    /// <summary>Whether the row of <paramref name="rowSubject"/> was compared with probe <paramref name="probe"/>'s subject before.</summary>
    public bool Skips(SubjectKey? rowSubject, int probe, float? evidence) =>
        rowSubject is { } other && other != ProbeSubjects[probe] && Ledger.Covers(other, ProbeShards[probe], evidence);
}
