namespace Matcher.Security.Audit;

/// <summary>
/// Checks a whole audit log: every line readable, sequence numbers 1, 2, 3... without a gap, and every hash equal to
/// the keyed hash of the previous hash and the record's own bytes. An edited, removed, inserted or reordered record
/// breaks the chain at or right after it. Records cut from the end leave a shorter intact chain, which is why
/// auditors note the head (last sequence and hash) they saw and compare it next time.
/// </summary>
public static class AuditChain
{
    /// <summary>What the first record is chained to.</summary>
    public static byte[] FirstPreviousHash => new byte[32];

    public static AuditVerification Verify(IEnumerable<byte[]> lines, IReadOnlyCollection<AuditKey> keys)
    {
        var keysById = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        var previousHash = FirstPreviousHash;
        var lineNumber = 0L;
        var lastSequence = 0L;
        foreach (var line in lines)
        {
            lineNumber++;
            AuditLine decoded;
            try
            {
                decoded = AuditLineCodec.Decode(line);
            }
            catch (InvalidDataException e)
            {
                return Broken(lineNumber, lastSequence + 1, $"line {lineNumber} is not a readable audit record: {e.Message}", lastSequence, previousHash);
            }
            var sequence = decoded.Record.Sequence;
            if (sequence != lastSequence + 1)
            {
                return Broken(lineNumber, sequence,
                    $"line {lineNumber} holds record {sequence} where record {lastSequence + 1} belongs: records were removed, inserted or reordered.",
                    lastSequence, previousHash);
            }
            if (!keysById.TryGetValue(decoded.KeyId, out var key))
            {
                return Broken(lineNumber, sequence,
                    $"record {sequence} was written with audit key {decoded.KeyId}, which was not given to the verifier.", lastSequence, previousHash);
            }
            if (!key.Link(previousHash, decoded.Body).AsSpan().SequenceEqual(decoded.Hash))
            {
                return Broken(lineNumber, sequence,
                    $"record {sequence} does not match its hash: it was edited, or the record before it was removed or edited.", lastSequence, previousHash);
            }
            previousHash = decoded.Hash;
            lastSequence = sequence;
        }
        return new AuditVerification(lastSequence, Convert.ToHexStringLower(previousHash), null);
    }

    private static AuditVerification Broken(long line, long sequence, string problem, long lastIntact, byte[] lastIntactHash) =>
        new(lastIntact, Convert.ToHexStringLower(lastIntactHash), new AuditChainBreak(line, sequence, problem));
}

/// <summary>
/// The result of a check: the last record of the intact chain (all of it when <see cref="Break"/> is null) and its
/// hash, the head an auditor notes to detect records cut from the end later.
/// </summary>
public sealed record AuditVerification(long IntactRecords, string HeadHash, AuditChainBreak? Break)
{
    public bool IsIntact => Break is null;
}

/// <summary>Where the chain first fails: the line, the sequence found or expected there, and why.</summary>
public sealed record AuditChainBreak(long Line, long Sequence, string Problem);
