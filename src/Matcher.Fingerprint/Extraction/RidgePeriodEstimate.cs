namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// The ridge period of a whole print (after rescaling to 500 dpi), so the across-ridge filter can resonate with the
/// finger in hand: ridges of small fingers, children and some sensors are markedly closer than average. In sampled
/// foreground blocks the grey levels are averaged along the ridge into a profile across it (an "x-signature", Hong,
/// Wan and Jain 1998); the mean spacing of its mean crossings is that block's period, and the median over blocks is
/// robust to the blocks where noise or a core breaks the pattern.
/// </summary>
internal static class RidgePeriodEstimate
{
    private const int ProfileLength = ExtractionParameters.RidgeProfileLength;
    private const int ProfileWidth = ExtractionParameters.RidgeProfileWidth;

    public static float Estimate(float[] normalized, BlockGrid grid, float[] orientation, byte[] mask, List<float> work)
    {
        work.Clear();
        Span<float> profile = stackalloc float[ProfileLength];
        var step = ExtractionParameters.RidgePeriodBlockStep;
        for (var row = 0; row < grid.Rows; row += step)
        {
            for (var column = 0; column < grid.Columns; column += step)
            {
                var block = row * grid.Columns + column;
                if (mask[block] == 0)
                {
                    continue;
                }
                Profile(normalized, grid, row, column, orientation[block], profile);
                if (PeriodOf(profile) is { } period)
                {
                    work.Add(period);
                }
            }
        }
        if (work.Count < ExtractionParameters.MinRidgePeriodSamples)
        {
            return ExtractionParameters.RidgePeriod;
        }
        work.Sort();
        return Math.Clamp(work[work.Count / 2], ExtractionParameters.MinRidgePeriod, ExtractionParameters.MaxRidgePeriod);
    }

    /// <summary>Grey levels across the ridge through the block's centre, each averaged over a stretch along the ridge.</summary>
    private static void Profile(float[] image, BlockGrid grid, int row, int column, float ridgeAngle, Span<float> profile)
    {
        var centerX = column * BlockGrid.BlockSize + BlockGrid.BlockSize / 2f;
        var centerY = row * BlockGrid.BlockSize + BlockGrid.BlockSize / 2f;
        var (alongY, alongX) = MathF.SinCos(ridgeAngle);
        float acrossX = -alongY, acrossY = alongX;
        for (var k = 0; k < ProfileLength; k++)
        {
            var offset = k - ProfileLength / 2;
            float sum = 0;
            for (var j = -ProfileWidth / 2; j < ProfileWidth / 2; j++)
            {
                var x = Math.Clamp((int)MathF.Round(centerX + offset * acrossX + j * alongX), 0, grid.Width - 1);
                var y = Math.Clamp((int)MathF.Round(centerY + offset * acrossY + j * alongY), 0, grid.Height - 1);
                sum += image[y * grid.Width + x];
            }
            profile[k] = sum;
        }
    }

    /// <summary>Twice the mean distance between crossings of the profile's mean; null when fewer than three crossings.</summary>
    private static float? PeriodOf(ReadOnlySpan<float> profile)
    {
        float mean = 0;
        foreach (var value in profile)
        {
            mean += value;
        }
        mean /= profile.Length;
        var crossings = 0;
        float first = 0, last = 0;
        for (var k = 1; k < profile.Length; k++)
        {
            float before = profile[k - 1] - mean, here = profile[k] - mean;
            if (before * here >= 0 || before == here)
            {
                continue;
            }
            var position = k - 1 + before / (before - here);
            first = crossings == 0 ? position : first;
            last = position;
            crossings++;
        }
        if (crossings < 3)
        {
            return null;
        }
        var period = 2 * (last - first) / (crossings - 1);
        return period is >= ExtractionParameters.MinPlausibleRidgePeriod and <= ExtractionParameters.MaxPlausibleRidgePeriod ? period : null;
    }
}
