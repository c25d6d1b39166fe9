using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Extraction;

/// <summary>Keeps the surviving minutiae of highest quality and converts them to template minutiae (ISO directions).</summary>
internal static class MinutiaSelection
{
    public static Minutia[] Select(List<MinutiaCandidate> candidates, int maxCount)
    {
        var survivors = candidates.Where(candidate => !candidate.Removed)
            .OrderByDescending(candidate => candidate.Quality)
            .ThenBy(candidate => candidate.Y)
            .ThenBy(candidate => candidate.X)
            .Take(maxCount)
            .OrderBy(candidate => candidate.Y)
            .ThenBy(candidate => candidate.X);
        return survivors.Select(ToMinutia).ToArray();
    }

    /// <summary>Image space has y growing downwards; ISO angles turn counter-clockwise as seen, hence the flipped y.</summary>
    private static Minutia ToMinutia(MinutiaCandidate candidate)
    {
        var angle = MathF.Atan2(-candidate.DirectionY, candidate.DirectionX);
        if (angle < 0)
        {
            angle += 2 * MathF.PI;
        }
        if (angle >= 2 * MathF.PI)
        {
            angle = 0;
        }
        return new Minutia(candidate.X, candidate.Y, angle, candidate.Type, candidate.Quality);
    }
}
