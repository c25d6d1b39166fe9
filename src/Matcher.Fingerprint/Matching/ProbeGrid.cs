namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The probe's minutiae filed into square cells as wide as <see cref="MatchingParameters.OverlapRadius"/>, so finding
/// the probe minutiae near a point reads at most 3 x 3 cells instead of every minutia.
/// </summary>
internal sealed class ProbeGrid
{
    private const float CellSize = MatchingParameters.OverlapRadius;

    private readonly float _originX;
    private readonly float _originY;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _cellStart;
    private readonly byte[] _members;

    public ProbeGrid(PackedMinutiae minutiae)
    {
        var count = minutiae.Count;
        if (count == 0)
        {
            _cellStart = [0, 0];
            _members = [];
            _columns = _rows = 1;
            return;
        }
        int minX = int.MaxValue, minY = int.MaxValue, maxX = int.MinValue, maxY = int.MinValue;
        for (var i = 0; i < count; i++)
        {
            minX = Math.Min(minX, minutiae.X[i]);
            maxX = Math.Max(maxX, minutiae.X[i]);
            minY = Math.Min(minY, minutiae.Y[i]);
            maxY = Math.Max(maxY, minutiae.Y[i]);
        }
        _originX = minX;
        _originY = minY;
        _columns = (int)((maxX - minX) / CellSize) + 1;
        _rows = (int)((maxY - minY) / CellSize) + 1;
        _cellStart = new int[_columns * _rows + 1];
        for (var i = 0; i < count; i++)
        {
            _cellStart[CellOf(minutiae.X[i], minutiae.Y[i]) + 1]++;
        }
        for (var cell = 0; cell < _columns * _rows; cell++)
        {
            _cellStart[cell + 1] += _cellStart[cell];
        }
        _members = new byte[count];
        var next = _cellStart[..^1];
        for (var i = 0; i < count; i++)
        {
            _members[next[CellOf(minutiae.X[i], minutiae.Y[i])]++] = (byte)i;
        }
    }

    /// <summary>
    /// The range of cell rows and columns (inclusive) holding every probe minutia within one cell width of (x, y);
    /// empty (first greater than last) when the point is far outside the probe.
    /// </summary>
    public (int FirstColumn, int LastColumn, int FirstRow, int LastRow) CellsNear(float x, float y)
    {
        var column = (int)MathF.Floor((x - _originX) / CellSize);
        var row = (int)MathF.Floor((y - _originY) / CellSize);
        return (Math.Max(0, column - 1), Math.Min(_columns - 1, column + 1), Math.Max(0, row - 1), Math.Min(_rows - 1, row + 1));
    }

    public ReadOnlySpan<byte> Members(int column, int row)
    {
        var cell = row * _columns + column;
        return _members.AsSpan(_cellStart[cell], _cellStart[cell + 1] - _cellStart[cell]);
    }

    private int CellOf(int x, int y) => (int)((y - _originY) / CellSize) * _columns + (int)((x - _originX) / CellSize);
}
