namespace Matcher.Security.Audit;

/// <summary>What an auditor looks for; every criterion given must hold, an empty criterion matches everything.</summary>
public sealed record AuditFilter
{
    public long AfterSequence { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public string Actor { get; init; } = "";

    public string Rpc { get; init; } = "";

    public string Gallery { get; init; } = "";

    /// <summary>Matches a record that names the subject as touched or as a candidate.</summary>
    public string SubjectId { get; init; } = "";

    public bool Matches(AuditRecord record) =>
        record.Sequence > AfterSequence
        && (Since is not { } since || record.Time >= since)
        && (Until is not { } until || record.Time < until)
        && (Actor.Length == 0 || record.Actor == Actor)
        && (Rpc.Length == 0 || record.Rpc == Rpc || record.Rpc.EndsWith("/" + Rpc, StringComparison.Ordinal))
        && (Gallery.Length == 0 || record.Galleries.Contains(Gallery) || Names(record).Any(s => s.Gallery == Gallery))
        && (SubjectId.Length == 0 || Names(record).Any(s => s.SubjectId == SubjectId));

    /// <summary>The records of <paramref name="lines"/> that match, in log order, at most <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidDataException">A line is not a readable record (run a verification to see where).</exception>
    public IEnumerable<AuditRecord> Select(IEnumerable<byte[]> lines, int limit) =>
        lines.Select(line => AuditLineCodec.Decode(line).Record).Where(Matches).Take(limit);

    private static IEnumerable<AuditSubject> Names(AuditRecord record) => record.Subjects.Concat(record.Candidates);
}
