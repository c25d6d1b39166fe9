namespace Matcher.Imaging.Perturbation;

/// <summary>
/// A smooth random field over the image with values in [0, 1]: random values on a coarse grid, interpolated with a
/// smooth step, so patches of dry or wet skin have soft edges a few ridges wide.
/// </summary>
internal sealed class SmoothField
{
    private readonly double[] _grid;
    private readonly int _columns;
    private readonly double _cell;

    public SmoothField(int width, int height, double cell, Random random)
    {
        _cell = cell;
        _columns = (int)(width / cell) + 2;
        var rows = (int)(height / cell) + 2;
        _grid = new double[_columns * rows];
        for (var i = 0; i < _grid.Length; i++)
        {
            _grid[i] = random.NextDouble();
        }
    }

    public double At(int x, int y)
    {
        var gx = x / _cell;
        var gy = y / _cell;
        int column = (int)gx, row = (int)gy;
        var fx = Smooth(gx - column);
        var fy = Smooth(gy - row);
        var top = _grid[row * _columns + column] * (1 - fx) + _grid[row * _columns + column + 1] * fx;
        var bottom = _grid[(row + 1) * _columns + column] * (1 - fx) + _grid[(row + 1) * _columns + column + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /// <summary>0 below <paramref name="low"/>, 1 above <paramref name="low"/> + <paramref name="width"/>, smooth between.</summary>
    public static double Step(double value, double low, double width) => Smooth(Math.Clamp((value - low) / width, 0, 1));

    private static double Smooth(double t) => t * t * (3 - 2 * t);
}
