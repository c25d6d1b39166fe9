namespace Matcher.Gallery.Shards;

/// <summary>
/// The rows one search compares fully in one shard: with each row's first-stage evidence when the first stage ranked
/// them, and the lowest evidence the list took (negative infinity when it took every row, NaN when it ranked nothing).
/// </summary>
internal sealed record Nomination(IReadOnlyList<int> Rows, IReadOnlyList<float>? Evidence, float Cutoff)
{
    public static Nomination Unranked(IReadOnlyList<int> rows) => new(rows, null, float.NaN);

    public static Nomination WholeShard(IReadOnlyList<int> rows) => new(rows, null, float.NegativeInfinity);
}
