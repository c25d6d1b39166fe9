namespace Matcher.Population.Validation;

/// <summary>Scores of many pairs, computed in parallel per first element; the order of the result does not matter.</summary>
internal static class PairScores
{
    public static double[] Collect(int firstCount, int threads, Action<int, List<double>> scoreRow)
    {
        var rows = new List<double>[firstCount];
        Parallel.For(0, firstCount, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var scores = new List<double>();
            scoreRow(i, scores);
            rows[i] = scores;
        });
        return [.. rows.SelectMany(r => r)];
    }
}
