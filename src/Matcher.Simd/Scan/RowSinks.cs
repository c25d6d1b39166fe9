namespace Matcher.Simd.Scan;

/// <summary>Where a scan puts the scores of its rows: a struct, so each scan loop is compiled for its sink.</summary>
internal interface IRowSink
{
    /// <summary>Scores below this are not wanted, so the scan skips the call.</summary>
    float Threshold { get; }

    void Offer(int row, float score);
}

/// <summary>Keeps the best rows in a selector.</summary>
internal readonly struct TopRows(TopKSelector selector) : IRowSink
{
    public float Threshold => selector.Threshold;

    public void Offer(int row, float score) => selector.Offer(row, score);
}

/// <summary>Records every row's score.</summary>
internal readonly struct EveryRow(float[] scores) : IRowSink
{
    public float Threshold => float.NegativeInfinity;

    public void Offer(int row, float score) => scores[row] = score;
}
