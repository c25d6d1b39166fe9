namespace Matcher.Imaging.Wsq;

/// <summary>
/// The separable 2-D transform over the <see cref="SubbandTree"/>, in place on a row-major plane of floats. Each step
/// runs one 1-D split (or its reconstruction) over every column of its region and one over every row.
/// </summary>
internal sealed class WaveletTransform(WaveletFilters filters)
{
    private readonly Dictionary<(int Length, bool Inverted, bool Synthesis), LinePlan> _plans = [];

    /// <summary>Rebuilds the image from its subbands: the steps in reverse order, columns then rows.</summary>
    public void Synthesize(float[] plane, int stride, SubbandTree tree)
    {
        var scratch = new float[tree.Nodes[0].Region.Area];
        for (var i = tree.Nodes.Length - 1; i >= 0; i--)
        {
            var node = tree.Nodes[i];
            if (node.Region.Area == 0)
            {
                continue;
            }
            Columns(plane, stride, node.Region, Plan(node.Region.Height, node.InvertColumns, synthesis: true), scratch);
            Rows(plane, stride, node.Region, Plan(node.Region.Width, node.InvertRows, synthesis: true), scratch);
        }
    }

    /// <summary>Splits the image into its subbands: the steps in order, rows then columns.</summary>
    public void Analyze(float[] plane, int stride, SubbandTree tree)
    {
        var scratch = new float[tree.Nodes[0].Region.Area];
        foreach (var node in tree.Nodes.Where(n => n.Region.Area > 0))
        {
            Rows(plane, stride, node.Region, Plan(node.Region.Width, node.InvertRows, synthesis: false), scratch);
            Columns(plane, stride, node.Region, Plan(node.Region.Height, node.InvertColumns, synthesis: false), scratch);
        }
    }

    private LinePlan Plan(int length, bool inverted, bool synthesis)
    {
        if (!_plans.TryGetValue((length, inverted, synthesis), out var plan))
        {
            var layout = new LineLayout(length, inverted);
            plan = synthesis ? LinePlan.Synthesis(layout, filters) : LinePlan.Analysis(layout, filters);
            _plans.Add((length, inverted, synthesis), plan);
        }
        return plan;
    }

    /// <summary>Filters every column: each output row is a weighted sum of whole input rows, built in the scratch.</summary>
    private static void Columns(float[] plane, int stride, Band region, LinePlan plan, float[] scratch)
    {
        var width = region.Width;
        for (var row = 0; row < region.Height; row++)
        {
            var output = scratch.AsSpan(row * width, width);
            output.Clear();
            for (var t = plan.Starts[row]; t < plan.Starts[row + 1]; t++)
            {
                var source = plane.AsSpan((region.Y + plan.Sources[t]) * stride + region.X, width);
                RowKernels.MultiplyAdd(source, plan.Weights[t], output);
            }
        }
        for (var row = 0; row < region.Height; row++)
        {
            scratch.AsSpan(row * width, width).CopyTo(plane.AsSpan((region.Y + row) * stride + region.X, width));
        }
    }

    /// <summary>Filters every row through a copy of it.</summary>
    private static void Rows(float[] plane, int stride, Band region, LinePlan plan, float[] scratch)
    {
        var width = region.Width;
        var line = scratch.AsSpan(0, width);
        var starts = plan.Starts;
        var sources = plan.Sources;
        var weights = plan.Weights;
        for (var row = 0; row < region.Height; row++)
        {
            var target = plane.AsSpan((region.Y + row) * stride + region.X, width);
            target.CopyTo(line);
            for (var n = 0; n < width; n++)
            {
                var sum = 0f;
                for (var t = starts[n]; t < starts[n + 1]; t++)
                {
                    sum += line[sources[t]] * weights[t];
                }
                target[n] = sum;
            }
        }
    }
}
