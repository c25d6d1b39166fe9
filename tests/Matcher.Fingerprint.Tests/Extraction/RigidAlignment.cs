using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>
/// Measures how repeatable minutiae are across two impressions of one finger without any matcher: every pair of
/// same-type minutiae proposes the rotation and translation that would superpose them, and the proposal that pairs
/// the most minutiae (one-to-one, within <see cref="MinutiaPairing"/>'s tolerances) wins.
/// </summary>
internal static class RigidAlignment
{
    public static int BestPairCount(IReadOnlyList<Minutia> first, IReadOnlyList<Minutia> second)
    {
        var best = 0;
        var moved = new Minutia[first.Count];
        foreach (var anchor in first)
        {
            foreach (var target in second)
            {
                if (anchor.Type != target.Type)
                {
                    continue;
                }
                var rotation = target.Direction - anchor.Direction;
                // ISO angles turn counter-clockwise as seen, i.e. with y pointing up: rotate (x, -y).
                double cos = Math.Cos(rotation), sin = Math.Sin(rotation);
                for (var i = 0; i < first.Count; i++)
                {
                    double dx = first[i].X - anchor.X, dy = -(first[i].Y - anchor.Y);
                    var x = target.X + cos * dx - sin * dy;
                    var y = target.Y - (sin * dx + cos * dy);
                    var direction = (first[i].Direction + rotation) % (2 * Math.PI);
                    moved[i] = first[i] with
                    {
                        X = (int)Math.Round(x),
                        Y = (int)Math.Round(y),
                        Direction = (float)(direction < 0 ? direction + 2 * Math.PI : direction),
                    };
                }
                best = Math.Max(best, MinutiaPairing.CountPairs(moved, second));
            }
        }
        return best;
    }

    /// <summary>Paired minutiae as a fraction of the smaller set: 1 means every minutia was found again.</summary>
    public static double Repeatability(IReadOnlyList<Minutia> first, IReadOnlyList<Minutia> second) =>
        first.Count == 0 || second.Count == 0 ? 0 : (double)BestPairCount(first, second) / Math.Min(first.Count, second.Count);
}
