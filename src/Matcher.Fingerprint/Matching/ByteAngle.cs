namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Angles as bytes (256 per turn) and the lookup tables that give an edge's length and direction from its integer
/// offset without a square root or an arctangent in the comparison loop.
/// </summary>
internal static class ByteAngle
{
    private const int Span = 2 * MatchingParameters.MaxEdgeLength + 1;

    private static readonly byte[] EdgeDirectionTable = BuildDirectionTable();
    private static readonly byte[] EdgeLengthTable = BuildLengthTable();

    /// <summary>Length in the low byte, direction in the high byte: one lookup for the comparison's hottest loop.</summary>
    private static readonly ushort[] EdgeShapeTable = BuildShapeTable();

    public static readonly float[] Cos = BuildTrig(Math.Cos);
    public static readonly float[] Sin = BuildTrig(Math.Sin);

    public static byte FromRadians(double radians)
    {
        var turns = radians / (2 * Math.PI);
        turns -= Math.Floor(turns);
        return (byte)((int)Math.Round(turns * 256) & 255);
    }

    /// <summary>Absolute difference of two byte angles, 0..128.</summary>
    public static int Distance(int a, int b)
    {
        var d = (a - b) & 255;
        return d > 128 ? 256 - d : d;
    }

    /// <summary>Direction (counter-clockwise from +x, y up) of the edge with offset (dx, dy); requires |dx|, |dy| <= MaxEdgeLength.</summary>
    public static byte EdgeDirection(int dx, int dy) => EdgeDirectionTable[Index(dx, dy)];

    /// <summary>Rounded length of the edge, capped at 255; requires |dx|, |dy| <= MaxEdgeLength.</summary>
    public static byte EdgeLength(int dx, int dy) => EdgeLengthTable[Index(dx, dy)];

    /// <summary>Length (low byte) and direction (high byte) of the edge; requires |dx|, |dy| <= MaxEdgeLength.</summary>
    public static ushort EdgeShape(int dx, int dy) => EdgeShapeTable[Index(dx, dy)];

    private static int Index(int dx, int dy) =>
        (dy + MatchingParameters.MaxEdgeLength) * Span + dx + MatchingParameters.MaxEdgeLength;

    private static byte[] BuildDirectionTable()
    {
        var table = new byte[Span * Span];
        for (var dy = -MatchingParameters.MaxEdgeLength; dy <= MatchingParameters.MaxEdgeLength; dy++)
        {
            for (var dx = -MatchingParameters.MaxEdgeLength; dx <= MatchingParameters.MaxEdgeLength; dx++)
            {
                table[Index(dx, dy)] = FromRadians(Math.Atan2(dy, dx));
            }
        }
        return table;
    }

    private static byte[] BuildLengthTable()
    {
        var table = new byte[Span * Span];
        for (var dy = -MatchingParameters.MaxEdgeLength; dy <= MatchingParameters.MaxEdgeLength; dy++)
        {
            for (var dx = -MatchingParameters.MaxEdgeLength; dx <= MatchingParameters.MaxEdgeLength; dx++)
            {
                table[Index(dx, dy)] = (byte)Math.Min(255, (int)Math.Round(Math.Sqrt(dx * dx + dy * dy)));
            }
        }
        return table;
    }

    private static ushort[] BuildShapeTable()
    {
        var table = new ushort[Span * Span];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (ushort)(EdgeLengthTable[i] | EdgeDirectionTable[i] << 8);
        }
        return table;
    }

    private static float[] BuildTrig(Func<double, double> function)
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = (float)function(i * Math.PI / 128);
        }
        return table;
    }
}
