namespace Matcher.Population.Fingerprints;

/// <summary>
/// What differs between the ten finger positions: the size of a plain impression's contact area at 500 dpi, the
/// minutiae it shows, and how often each pattern class occurs there.
/// </summary>
/// <param name="ContactWidth">Mean width of the contact ellipse in pixels at 500 dpi.</param>
/// <param name="ContactHeight">Mean height of the contact ellipse.</param>
/// <param name="MeanMinutiae">Mean minutiae of a good plain impression of this finger.</param>
/// <param name="PatternWeights">Relative frequency of each <see cref="PatternClass"/>, in enum order.</param>
internal sealed record FingerProfile(double ContactWidth, double ContactHeight, double MeanMinutiae, double[] PatternWeights)
{
    /// <summary>
    /// Sizes of plain impressions on 500-dpi live scanners (thumbs about 0.85 x 1.05 inch, index to ring fingers
    /// 0.65 x 0.9, little fingers 0.55 x 0.75); minutiae in the 25-60 range of plain impressions, thumbs the most.
    /// Pattern classes follow the published per-finger tendencies: whorls most on thumbs and ring fingers, arches most
    /// on index fingers, loops everywhere else, opening towards the little finger (ulnar) far more often than not;
    /// pooled over the ten fingers this is about 5 % arches, 3 % tented arches, 64 % loops and 28 % whorls, near the
    /// frequencies reported for the general population (Wilson et al. 1993: 3.7 / 2.9 / 65.5 / 27.9 %).
    /// </summary>
    public static FingerProfile For(int position)
    {
        var rightHand = position <= 5;
        var finger = (position - 1) % 5;
        var (width, height, minutiae, arch, tented, loop, whorl) = finger switch
        {
            0 => (425.0, 525.0, 52.0, 0.03, 0.01, 0.56, 0.40),
            1 => (330.0, 450.0, 42.0, 0.12, 0.07, 0.51, 0.30),
            2 => (330.0, 460.0, 44.0, 0.07, 0.03, 0.70, 0.20),
            3 => (320.0, 440.0, 42.0, 0.02, 0.01, 0.55, 0.42),
            _ => (275.0, 375.0, 35.0, 0.01, 0.01, 0.86, 0.12),
        };
        // Index fingers carry most of the radial loops (opening towards the thumb).
        var ulnarShare = finger == 1 ? 0.75 : 0.94;
        var (left, right) = rightHand ? (1 - ulnarShare, ulnarShare) : (ulnarShare, 1 - ulnarShare);
        return new FingerProfile(width, height, minutiae, [arch, tented, loop * left, loop * right, whorl]);
    }
}
