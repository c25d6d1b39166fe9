namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>
/// Converts minutia directions between radians and the angle steps of each format. All formats meet on one grid of
/// 11,520 steps per turn (1/32 degree): the least common multiple of ISO's 256 and ANSI's 180 steps. Going through that
/// grid makes an imported direction the same float whichever format carried it, so the native format (which stores
/// grid steps) round-trips ISO and ANSI directions exactly.
/// </summary>
internal static class DirectionUnits
{
    public const int GridStepsPerTurn = 11_520;

    public const int IsoStepsPerTurn = 256;

    public const int AnsiStepsPerTurn = 180;

    private const double RadiansPerGridStep = 2 * Math.PI / GridStepsPerTurn;

    /// <summary>Direction of <paramref name="steps"/> in a format with <paramref name="stepsPerTurn"/>; wraps past a full turn.</summary>
    public static float ToRadians(int steps, int stepsPerTurn)
    {
        var gridSteps = steps % stepsPerTurn * (GridStepsPerTurn / stepsPerTurn);
        return (float)(gridSteps * RadiansPerGridStep);
    }

    /// <summary>Nearest step of a format with <paramref name="stepsPerTurn"/> to <paramref name="radians"/>, in [0, stepsPerTurn).</summary>
    public static int FromRadians(float radians, int stepsPerTurn)
    {
        var steps = (long)Math.Round(radians / (2 * Math.PI) * stepsPerTurn, MidpointRounding.AwayFromZero);
        return (int)(((steps % stepsPerTurn) + stepsPerTurn) % stepsPerTurn);
    }
}
