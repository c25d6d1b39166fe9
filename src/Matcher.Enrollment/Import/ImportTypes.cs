using Matcher.Core.Subjects;

namespace Matcher.Enrollment.Import;

/// <summary>
/// One subject of an import as the host received it: its place in the stream, the ids as sent (so a failure can name
/// the subject even when its ids are invalid) and how to read it. <see cref="Read"/> validates and extracts the
/// samples; it may throw for bad input, which fails this subject only.
/// </summary>
public sealed record ImportItem(long Index, string SubjectId, string Gallery, Func<CancellationToken, ImportSubject> Read);

/// <summary>A subject of an import, read and validated by the host.</summary>
/// <param name="RequestId">Recorded with the subject as an enrollment's would be; null for none.</param>
public sealed record ImportSubject(SubjectKey Key, SubjectSamples Samples, string? RequestId);

/// <summary>Why one subject was not imported: the exception its reading or its check raised, for the host to word.</summary>
public sealed record ImportFailure(long Index, string SubjectId, string Gallery, Exception Error);

/// <summary>
/// The outcome of an import: every subject counted as imported is on disk. <see cref="Failures"/> lists the first
/// failures in stream order, at most <see cref="ImportOptions.MaxFailuresListed"/>; <see cref="Failed"/> counts all.
/// </summary>
public sealed record ImportReport(long Imported, long AlreadyPresent, long Failed, IReadOnlyList<ImportFailure> Failures, StageTimings Timings);

/// <summary>How an import batches its subjects.</summary>
/// <param name="BatchSize">Subjects read in parallel and staged with one acquisition of the store's lock.</param>
/// <param name="BatchesInFlight">Staged batches whose fsync is awaited while later ones are read; with the batch size it bounds the memory an import holds.</param>
/// <param name="MaxFailuresListed">Failures kept with their reasons; the rest are only counted.</param>
public sealed record ImportOptions(int BatchSize = 256, int BatchesInFlight = 4, int MaxFailuresListed = 1000)
{
    public static ImportOptions Default { get; } = new();
}
