namespace Matcher.Simd.Scan;

/// <summary>A row of a block with its approximate cosine similarity to the query.</summary>
public readonly record struct ScoredRow(int Row, float Score)
{
    /// <summary>Higher score first; equal scores by lower row, so results are deterministic.</summary>
    internal bool IsBetterThan(ScoredRow other) => Score > other.Score || (Score == other.Score && Row < other.Row);
}
