namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Working memory of one extraction, kept per thread and grown on demand, so that extracting a stream of images
/// allocates almost nothing after the first one.
/// </summary>
internal sealed class ExtractionScratch
{
    [ThreadStatic]
    private static ExtractionScratch? _forThisThread;

    public static ExtractionScratch ForCurrentThread() => _forThisThread ??= new ExtractionScratch();

    public float[] Normalized { get; private set; } = [];

    public float[] AlongRidge { get; private set; } = [];

    public float[] Enhanced { get; private set; } = [];

    public byte[] Ridges { get; private set; } = [];

    public int[] PixelWork { get; private set; } = [];

    public float[] BlockMean { get; private set; } = [];

    public float[] BlockDeviation { get; private set; } = [];

    public float[] BlockOrientation { get; private set; } = [];

    public float[] BlockCoherence { get; private set; } = [];

    public float[] BlockWorkA { get; private set; } = [];

    public float[] BlockWorkB { get; private set; } = [];

    public float[] BlockWorkC { get; private set; } = [];

    public float[] BlockWorkD { get; private set; } = [];

    public float[] BlockWorkE { get; private set; } = [];

    public byte[] BlockMask { get; private set; } = [];

    public byte[] BlockMaskWork { get; private set; } = [];

    public int[] BlockQueue { get; private set; } = [];

    public List<MinutiaCandidate> Candidates { get; } = [];

    /// <summary>Block ridge periods gathered by <see cref="RidgePeriodEstimate"/>.</summary>
    public List<float> PeriodSamples { get; } = [];

    public void EnsureCapacity(BlockGrid grid)
    {
        var pixels = grid.PixelCount;
        if (Normalized.Length < pixels)
        {
            Normalized = new float[pixels];
            AlongRidge = new float[pixels];
            Enhanced = new float[pixels];
            Ridges = new byte[pixels];
            PixelWork = new int[pixels];
        }
        var blocks = grid.BlockCount;
        if (BlockMean.Length < blocks)
        {
            BlockMean = new float[blocks];
            BlockDeviation = new float[blocks];
            BlockOrientation = new float[blocks];
            BlockCoherence = new float[blocks];
            BlockWorkA = new float[blocks];
            BlockWorkB = new float[blocks];
            BlockWorkC = new float[blocks];
            BlockWorkD = new float[blocks];
            BlockWorkE = new float[blocks];
            BlockMask = new byte[blocks];
            BlockMaskWork = new byte[blocks];
            BlockQueue = new int[blocks];
        }
    }
}
