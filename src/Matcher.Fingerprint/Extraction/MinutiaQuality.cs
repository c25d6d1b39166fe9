namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Quality of a minutia and of the whole sample from the orientation coherence around them: where ridges run cleanly
/// parallel, detections are reliable; where they do not, they are guesses.
/// </summary>
internal static class MinutiaQuality
{
    public static void Assess(List<MinutiaCandidate> candidates, BlockGrid grid, float[] coherence)
    {
        foreach (ref var candidate in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates))
        {
            var quality = FromCoherence(coherence[grid.BlockOf(candidate.X, candidate.Y)]);
            candidate.Quality = (byte)Math.Max(1, quality);
        }
    }

    /// <summary>Mean block quality over the foreground, scaled down when the foreground covers little of a normal finger.</summary>
    public static int ForSample(BlockGrid grid, float[] coherence, byte[] mask, double foregroundFraction)
    {
        double sum = 0;
        var count = 0;
        for (var block = 0; block < grid.BlockCount; block++)
        {
            if (mask[block] != 0)
            {
                sum += FromCoherence(coherence[block]);
                count++;
            }
        }
        if (count == 0)
        {
            return 0;
        }
        var coverage = Math.Min(1.0, foregroundFraction / ExtractionParameters.FullQualityForegroundFraction);
        return (int)Math.Round(sum / count * coverage);
    }

    private static int FromCoherence(float coherence)
    {
        var scaled = (coherence - ExtractionParameters.CoherenceForZeroQuality)
                   / (ExtractionParameters.CoherenceForFullQuality - ExtractionParameters.CoherenceForZeroQuality);
        return (int)Math.Round(100 * Math.Clamp(scaled, 0f, 1f));
    }
}
