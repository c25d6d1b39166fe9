namespace Matcher.Imaging.Wsq;

/// <summary>
/// How one 1-D split of a line of <see cref="Length"/> samples is stored. The lowpass half keeps the filtered samples
/// at even positions, (Length + 1) / 2 of them, and the highpass half those at odd positions. A plain split stores the
/// lowpass half first. An inverted split, used on a band that is itself the highpass half of the level above along
/// that direction, stores the highpass half first: decimating a highpass band mirrors its spectrum, so its highpass
/// half holds its lower frequencies, and the swap keeps the subbands in order of frequency.
/// </summary>
internal readonly record struct LineLayout(int Length, bool Inverted)
{
    public int LowCount => (Length + 1) / 2;

    public int HighCount => Length / 2;

    /// <summary>The samples of the half stored first: the left quadrants' width or the top quadrants' height.</summary>
    public int FirstCount => Inverted ? HighCount : LowCount;

    public int LowOffset => Inverted ? HighCount : 0;

    public int HighOffset => Inverted ? 0 : LowCount;

    /// <summary>
    /// Position <paramref name="m"/> of the whole-sample symmetric extension folded back into 0..Length-1: the line is
    /// mirrored about its first and last samples (period 2 (Length - 1)), which preserves parity.
    /// </summary>
    public int Fold(int m)
    {
        if (Length == 1)
        {
            return 0;
        }
        var period = 2 * (Length - 1);
        m %= period;
        if (m < 0)
        {
            m += period;
        }
        return m < Length ? m : period - m;
    }
}
