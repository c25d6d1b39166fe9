namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Picks the edge matches whose two minutia pairs have the strongest local support: the alignments worth trying.
/// Equal support is ordered by the minutiae the match joins, never by the order matches were found in (see
/// <see cref="SupportedPairList"/> for why).
/// </summary>
internal static class RootSelector
{
    public static int Select(DirectionSupport direction, MatchScratch scratch)
    {
        var roots = scratch.Roots;
        var weights = scratch.RootWeights;
        var keys = scratch.RootKeys;
        var selected = 0;
        for (var m = 0; m < direction.MatchCount; m++)
        {
            var match = direction.Matches[m];
            var weight = direction.SupportOf(match.ProbeFrom, match.CandidateFrom) + direction.SupportOf(match.ProbeTo, match.CandidateTo);
            var key = (uint)(match.ProbeFrom << 24 | match.ProbeTo << 16 | match.CandidateFrom << 8 | match.CandidateTo);
            if (selected == roots.Length && !Precedes(weight, key, weights[selected - 1], keys[selected - 1]))
            {
                continue;
            }
            var slot = selected < roots.Length ? selected++ : selected - 1;
            while (slot > 0 && Precedes(weight, key, weights[slot - 1], keys[slot - 1]))
            {
                weights[slot] = weights[slot - 1];
                keys[slot] = keys[slot - 1];
                roots[slot] = roots[slot - 1];
                slot--;
            }
            weights[slot] = weight;
            keys[slot] = key;
            roots[slot] = m;
        }
        return selected;
    }

    private static bool Precedes(int weight, uint key, int otherWeight, uint otherKey) =>
        weight > otherWeight || (weight == otherWeight && key < otherKey);
}
