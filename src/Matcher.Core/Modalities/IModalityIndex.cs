using Matcher.Core.Search;
using Matcher.Core.Subjects;

namespace Matcher.Core.Modalities;

/// <summary>
/// One modality's samples within one gallery shard, laid out for that modality's scan. The shard numbers its subjects
/// by row and tells every index about every row in increasing order, also rows without samples of this modality, so an
/// index may keep dense per-row arrays. A removed row stays a tombstone until the shard is rebuilt.
/// Not thread-safe: many concurrent nominations and scores, or one add or remove, never both (the shard guards it).
/// </summary>
public interface IModalityIndex : IDisposable
{
    /// <summary>Bytes held for scanning and rescoring.</summary>
    long MemoryBytes { get; }

    /// <summary>
    /// Adds the subject at <paramref name="row"/>; <paramref name="samples"/> are of this modality and may be empty.
    /// Samples the index cannot hold raise <see cref="ArgumentException"/> before anything changes.
    /// </summary>
    void Add(int row, IReadOnlyList<EnrolledSample> samples);

    void Remove(int row);

    /// <summary>
    /// Adds to <paramref name="rows"/> the rows most similar to the probe, about <paramref name="shortlist"/> of them per
    /// sample kind. Removed rows may be among them; the shard skips those.
    /// </summary>
    void Nominate(IModalityProbe probe, int shortlist, ISet<int> rows);

    /// <summary>
    /// The first stage of a cascade search: adds to <paramref name="evidence"/>[row], for every row this index holds, a
    /// cheap estimate on the calibrated scale of what the probe's samples would score against that row, nothing for
    /// rows without comparable samples (removed rows included). Entries beyond the index's rows are left alone.
    /// </summary>
    void Rank(IModalityProbe probe, Span<float> evidence);

    /// <summary>
    /// <see cref="Rank"/> for several probes in one pass over the index, so each part of it is read from memory once
    /// for all of them: adds to <paramref name="evidence"/>[i] exactly what Rank adds for <paramref name="probes"/>[i].
    /// </summary>
    void RankMany(IReadOnlyList<IModalityProbe> probes, IReadOnlyList<float[]> evidence);

    /// <summary>
    /// Writes into <paramref name="scores"/> the calibrated score of each probe sample in <paramref name="part"/> against
    /// the row's sample it is comparable with, in the probe's sample order whatever the part, and returns how many it
    /// wrote (none when nothing is comparable). <paramref name="scores"/> holds at least
    /// <see cref="IModalityProbe.SampleCount"/>. A search scores millions of rows, so this allocates nothing.
    /// </summary>
    int Score(IModalityProbe probe, int row, ProbePart part, Span<SampleScore> scores);
}
