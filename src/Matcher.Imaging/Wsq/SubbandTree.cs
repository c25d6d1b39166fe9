namespace Matcher.Imaging.Wsq;

/// <summary>A rectangle of the coefficient plane: one subband, or a region that one transform step splits.</summary>
internal readonly record struct Band(int X, int Y, int Width, int Height)
{
    public int Area => Width * Height;
}

/// <summary>
/// One step of the 2-D transform: <see cref="Region"/> is split into four quadrants by a 1-D split of its rows and one
/// of its columns. A split is inverted along a direction when the region is itself the highpass half of its parent
/// along that direction; see <see cref="LineLayout"/>.
/// </summary>
internal readonly record struct TransformNode(Band Region, bool InvertRows, bool InvertColumns);

/// <summary>
/// The WSQ decomposition: a fixed quadtree of 20 transform steps that leaves 64 subband slots,
/// numbered depth first, quadrants in the order top-left, top-right, bottom-left, bottom-right. Slots 60 to 63, the
/// four quarters of the first step's diagonal quadrant, are never transmitted and are not transformed further.
/// </summary>
internal sealed class SubbandTree
{
    /// <summary>Subbands 0 to 59 can carry coefficients.</summary>
    public const int TransmittedSubbands = 60;

    /// <summary>The blocks of coded data break after these subbands: 0-18, 19-51, 52-59.</summary>
    public static readonly int[] BlockStarts = [0, 19, 52];

    private static readonly Shape Four = new Split(Leaf.Instance, Leaf.Instance, Leaf.Instance, Leaf.Instance);

    private static readonly Shape Decomposition = new Split(
        new Split(
            new Split(
                new Split(Four, Leaf.Instance, Leaf.Instance, Leaf.Instance),
                Four, Four, Four),
            new Split(Four, Four, Four, Four),
            new Split(Four, Four, Four, Four),
            Leaf.Instance),
        Four,
        Four,
        Discarded.Instance);

    private SubbandTree(Band[] subbands, TransformNode[] nodes)
    {
        Subbands = subbands;
        Nodes = nodes;
    }

    /// <summary>The 64 subband slots.</summary>
    public Band[] Subbands { get; }

    /// <summary>The transform steps, each before the steps that split its quadrants (analysis order).</summary>
    public TransformNode[] Nodes { get; }

    public static SubbandTree For(int width, int height)
    {
        var subbands = new List<Band>(QuantizationTable.SubbandSlots);
        var nodes = new List<TransformNode>(20);
        Place(Decomposition, new Band(0, 0, width, height), false, false, subbands, nodes);
        return new SubbandTree(subbands.ToArray(), nodes.ToArray());
    }

    private static void Place(Shape shape, Band band, bool invertRows, bool invertColumns, List<Band> subbands, List<TransformNode> nodes)
    {
        switch (shape)
        {
            case Leaf:
                subbands.Add(band);
                break;
            case Discarded:
                subbands.AddRange(Quadrants(band, invertRows, invertColumns));
                break;
            case Split split:
                nodes.Add(new TransformNode(band, invertRows, invertColumns));
                var quadrants = Quadrants(band, invertRows, invertColumns);
                Place(split.TopLeft, quadrants[0], false, false, subbands, nodes);
                Place(split.TopRight, quadrants[1], true, false, subbands, nodes);
                Place(split.BottomLeft, quadrants[2], false, true, subbands, nodes);
                Place(split.BottomRight, quadrants[3], true, true, subbands, nodes);
                break;
        }
    }

    private static Band[] Quadrants(Band band, bool invertRows, bool invertColumns)
    {
        var left = new LineLayout(band.Width, invertRows).FirstCount;
        var top = new LineLayout(band.Height, invertColumns).FirstCount;
        var right = band.Width - left;
        var bottom = band.Height - top;
        return
        [
            new Band(band.X, band.Y, left, top),
            new Band(band.X + left, band.Y, right, top),
            new Band(band.X, band.Y + top, left, bottom),
            new Band(band.X + left, band.Y + top, right, bottom),
        ];
    }

    private abstract record Shape;

    private sealed record Leaf : Shape
    {
        public static readonly Leaf Instance = new();
    }

    private sealed record Discarded : Shape
    {
        public static readonly Discarded Instance = new();
    }

    private sealed record Split(Shape TopLeft, Shape TopRight, Shape BottomLeft, Shape BottomRight) : Shape;
}
