namespace Matcher.Imaging.Wsq;

/// <summary>
/// One 1-D filter bank step written out as a sparse matrix: output i is the sum over t from Starts[i] to
/// Starts[i + 1] of Weights[t] x input[Sources[t]]. Folding the symmetric extension into the source indices once
/// lets the 2-D passes run without boundary cases, for lines of any length.
/// </summary>
internal sealed class LinePlan
{
    private LinePlan(int[] starts, int[] sources, float[] weights)
    {
        Starts = starts;
        Sources = sources;
        Weights = weights;
    }

    public int[] Starts { get; }

    public int[] Sources { get; }

    public float[] Weights { get; }

    public int OutputCount => Starts.Length - 1;

    /// <summary>
    /// Reconstruction of a line from its stored halves: the lowpass half upsampled onto the even positions of the
    /// symmetric extension, the highpass half onto the odd ones, each filtered with its synthesis filter, summed.
    /// </summary>
    public static LinePlan Synthesis(LineLayout layout, WaveletFilters filters)
    {
        var builder = new Builder(layout.Length);
        for (var n = 0; n < layout.Length; n++)
        {
            AddUpsampled(builder, layout, n, filters.SynthesisLow, 0, layout.LowOffset);
            AddUpsampled(builder, layout, n, filters.SynthesisHigh, 1, layout.HighOffset);
            builder.EndOutput();
        }
        return builder.Build();
    }

    /// <summary>The split of a line into its halves, in stored order: the symmetric extension filtered, even positions kept from the lowpass output, odd ones from the highpass.</summary>
    public static LinePlan Analysis(LineLayout layout, WaveletFilters filters)
    {
        var builder = new Builder(layout.Length);
        for (var stored = 0; stored < layout.Length; stored++)
        {
            var low = stored - layout.LowOffset;
            if (low >= 0 && low < layout.LowCount)
            {
                AddFiltered(builder, layout, 2 * low, filters.AnalysisLow);
            }
            else
            {
                AddFiltered(builder, layout, 1 + 2 * (stored - layout.HighOffset), filters.AnalysisHigh);
            }
            builder.EndOutput();
        }
        return builder.Build();
    }

    private static void AddUpsampled(Builder builder, LineLayout layout, int n, FilterTaps filter, int phase, int offset)
    {
        if (phase == 1 && layout.HighCount == 0)
        {
            return;
        }
        for (var k = -filter.Reach; k <= filter.Reach; k++)
        {
            // Folding keeps the parity of a position except on a one-sample line, whose extension is constant.
            var position = n - k;
            if ((position & 1) == phase)
            {
                builder.Add(offset + (layout.Fold(position) - phase) / 2, filter[k]);
            }
        }
    }

    private static void AddFiltered(Builder builder, LineLayout layout, int position, FilterTaps filter)
    {
        for (var k = -filter.Reach; k <= filter.Reach; k++)
        {
            builder.Add(layout.Fold(position - k), filter[k]);
        }
    }

    /// <summary>Collects one output's taps, merging taps that fold onto the same source.</summary>
    private sealed class Builder(int length)
    {
        private readonly List<int> _starts = [0];
        private readonly List<int> _sources = new(length * 9);
        private readonly List<float> _weights = new(length * 9);

        public void Add(int source, float weight)
        {
            for (var t = _starts[^1]; t < _sources.Count; t++)
            {
                if (_sources[t] == source)
                {
                    _weights[t] += weight;
                    return;
                }
            }
            _sources.Add(source);
            _weights.Add(weight);
        }

        public void EndOutput() => _starts.Add(_sources.Count);

        public LinePlan Build() => new(_starts.ToArray(), _sources.ToArray(), _weights.ToArray());
    }
}
