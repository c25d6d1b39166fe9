namespace Matcher.Fingerprint.Matching;

/// <summary>A candidate template as spans, whether it lives in its own arrays or in a slice of a packed gallery.</summary>
internal readonly ref struct CandidateView(
    ReadOnlySpan<short> x,
    ReadOnlySpan<short> y,
    ReadOnlySpan<byte> direction,
    ReadOnlySpan<byte> type,
    ReadOnlySpan<byte> neighbors)
{
    public ReadOnlySpan<short> X { get; } = x;

    public ReadOnlySpan<short> Y { get; } = y;

    public ReadOnlySpan<byte> Direction { get; } = direction;

    public ReadOnlySpan<byte> Type { get; } = type;

    public ReadOnlySpan<byte> Neighbors { get; } = neighbors;

    public int Count => X.Length;
}
