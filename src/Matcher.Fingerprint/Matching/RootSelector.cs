namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Picks the edge matches whose two minutia pairs have the strongest local support: the alignments worth trying.
/// </summary>
internal static class RootSelector
{
    public static int Select(int matchCount, int candidateCount, MatchScratch scratch)
    {
        var roots = scratch.Roots;
        var weights = scratch.RootWeights;
        var support = scratch.Support;
        var selected = 0;
        for (var m = 0; m < matchCount; m++)
        {
            var match = scratch.Matches[m];
            var weight = support[match.ProbeFrom * candidateCount + match.CandidateFrom]
                + support[match.ProbeTo * candidateCount + match.CandidateTo];
            if (selected == roots.Length && weight <= weights[selected - 1])
            {
                continue;
            }
            var slot = selected < roots.Length ? selected++ : selected - 1;
            while (slot > 0 && weights[slot - 1] < weight)
            {
                weights[slot] = weights[slot - 1];
                roots[slot] = roots[slot - 1];
                slot--;
            }
            weights[slot] = weight;
            roots[slot] = m;
        }
        return selected;
    }
}
