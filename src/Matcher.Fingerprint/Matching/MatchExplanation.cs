using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Which minutiae a comparison paired, for a person who checks the score (an adjudicator looking at two prints side by
/// side). <see cref="Score"/> is the score <see cref="FingerprintMatcher.Compare(PreparedProbe, MatchCandidate)"/> gives
/// (the mean of both directions) and <see cref="Pairs"/> the minutiae its probe-to-candidate direction paired. For
/// display only: it allocates, where the scoring path does not.
/// </summary>
public sealed class MatchExplanation
{
    private MatchExplanation(double score, IReadOnlyList<MinutiaPairing> pairs)
    {
        Score = score;
        Pairs = pairs;
    }

    /// <summary>The calibrated score of the comparison, as <see cref="FingerprintMatcher.Compare(FingerprintTemplate, FingerprintTemplate)"/> gives it.</summary>
    public double Score { get; }

    /// <summary>
    /// The minutia pairs of the final pairing, as indices into each template's <see cref="FingerprintTemplate.Minutiae"/>;
    /// empty when the comparison stopped before pairing (no alignment kept enough minutiae together). Fewer than
    /// three pairs score zero: so few occur between any two fingers.
    /// </summary>
    public IReadOnlyList<MinutiaPairing> Pairs { get; }

    public static MatchExplanation Explain(FingerprintTemplate probe, FingerprintTemplate candidate)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(candidate);
        var prepared = new PreparedProbe(probe);
        var packed = new MatchCandidate(candidate);
        var scratch = MatchScratch.Current;
        var score = FingerprintCalibration.ToScore(ComparisonKernel.RawScore(prepared, packed.Minutiae.View, scratch));
        var pairing = ComparisonKernel.PairForward(prepared, packed.Minutiae.View, scratch);
        var probeIndex = TemplateIndices(probe, prepared.Minutiae);
        var candidateIndex = TemplateIndices(candidate, packed.Minutiae);
        var pairs = new MinutiaPairing[pairing.Pairs];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new MinutiaPairing(probeIndex[scratch.PairProbe[i]], candidateIndex[scratch.PairCandidate[i]]);
        }
        return new MatchExplanation(score, pairs);
    }

    /// <summary>
    /// For each packed minutia, its index in the template. Packing keeps a template's minutiae in order, or its best ones
    /// when there are too many; finding each packed minutia by its exact packed values (taken in template order among
    /// equal ones) maps back without depending on how the packer chooses.
    /// </summary>
    private static int[] TemplateIndices(FingerprintTemplate template, PackedMinutiae packed)
    {
        var byValue = new Dictionary<(short X, short Y, byte Direction, byte Type), Queue<int>>();
        for (var i = 0; i < template.Minutiae.Count; i++)
        {
            var minutia = template.Minutiae[i];
            var key = ((short)minutia.X, (short)-minutia.Y, ByteAngle.FromRadians(minutia.Direction), (byte)minutia.Type);
            if (!byValue.TryGetValue(key, out var indices))
            {
                byValue[key] = indices = new Queue<int>();
            }
            indices.Enqueue(i);
        }
        var result = new int[packed.Count];
        for (var p = 0; p < packed.Count; p++)
        {
            result[p] = byValue[(packed.X[p], packed.Y[p], packed.Direction[p], packed.Type[p])].Dequeue();
        }
        return result;
    }
}

/// <summary>One paired minutia: its index in the probe template and in the candidate template.</summary>
public readonly record struct MinutiaPairing(int ProbeIndex, int CandidateIndex);
