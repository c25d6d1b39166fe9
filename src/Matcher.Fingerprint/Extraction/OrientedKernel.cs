namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// A one-dimensional filter laid along a line at each of <see cref="ExtractionParameters.OrientationBins"/> angles,
/// sampled at the nearest pixels. Two such passes (along the ridge, then across it) make a rotated separable Gabor filter
/// at a fraction of the cost of a 2-D kernel.
/// </summary>
internal sealed class OrientedKernel
{
    /// <summary>Gaussian smoothing along the ridge: joins ridges across pores, scratches and dryness.</summary>
    public static OrientedKernel AlongRidge { get; } = new(
        ExtractionParameters.AlongRidgeRadius, 0,
        k => MathF.Exp(-k * k / (2 * ExtractionParameters.AlongRidgeSigma * ExtractionParameters.AlongRidgeSigma)),
        zeroMean: false);

    private static readonly OrientedKernel[] AcrossRidgeBank = BuildAcrossRidgeBank();

    /// <summary>Even Gabor profile across the ridge at the typical period.</summary>
    public static OrientedKernel AcrossRidge => AcrossRidgeFor(ExtractionParameters.RidgePeriod);

    /// <summary>
    /// Even Gabor profile across the ridge: resonates at <paramref name="ridgePeriod"/> (rounded to the bank's step),
    /// rejects brightness and fine noise.
    /// </summary>
    public static OrientedKernel AcrossRidgeFor(float ridgePeriod)
    {
        var clamped = Math.Clamp(ridgePeriod, ExtractionParameters.MinRidgePeriod, ExtractionParameters.MaxRidgePeriod);
        return AcrossRidgeBank[(int)MathF.Round((clamped - ExtractionParameters.MinRidgePeriod) / ExtractionParameters.RidgePeriodStep)];
    }

    private static OrientedKernel[] BuildAcrossRidgeBank()
    {
        var count = (int)MathF.Round((ExtractionParameters.MaxRidgePeriod - ExtractionParameters.MinRidgePeriod) / ExtractionParameters.RidgePeriodStep) + 1;
        return Enumerable.Range(0, count).Select(i =>
        {
            var period = ExtractionParameters.MinRidgePeriod + i * ExtractionParameters.RidgePeriodStep;
            return new OrientedKernel(
                ExtractionParameters.AcrossRidgeRadius, MathF.PI / 2,
                k => MathF.Exp(-k * k / (2 * ExtractionParameters.AcrossRidgeSigma * ExtractionParameters.AcrossRidgeSigma))
                     * MathF.Cos(2 * MathF.PI * k / period),
                zeroMean: true);
        }).ToArray();
    }

    private OrientedKernel(int radius, float angleOffset, Func<float, float> profile, bool zeroMean)
    {
        Radius = radius;
        Taps = 2 * radius + 1;
        Weights = new float[Taps];
        var envelope = new float[Taps];
        for (var k = -radius; k <= radius; k++)
        {
            Weights[k + radius] = profile(k);
            envelope[k + radius] = MathF.Exp(-k * k / (2f * radius * radius / 4f));
        }
        if (zeroMean)
        {
            // Shift by a multiple of a smooth envelope so a flat patch gives exactly zero response.
            var shift = Weights.Sum() / envelope.Sum();
            for (var i = 0; i < Taps; i++)
            {
                Weights[i] -= shift * envelope[i];
            }
        }
        var norm = zeroMean ? Weights.Sum(MathF.Abs) / 2 : Weights.Sum();
        for (var i = 0; i < Taps; i++)
        {
            Weights[i] /= norm;
        }
        Dx = new int[ExtractionParameters.OrientationBins * Taps];
        Dy = new int[ExtractionParameters.OrientationBins * Taps];
        for (var bin = 0; bin < ExtractionParameters.OrientationBins; bin++)
        {
            var angle = bin * MathF.PI / ExtractionParameters.OrientationBins + angleOffset;
            for (var k = -radius; k <= radius; k++)
            {
                Dx[bin * Taps + k + radius] = (int)MathF.Round(k * MathF.Cos(angle));
                Dy[bin * Taps + k + radius] = (int)MathF.Round(k * MathF.Sin(angle));
            }
        }
    }

    public int Radius { get; }

    public int Taps { get; }

    public float[] Weights { get; }

    /// <summary>Pixel steps of tap k at orientation bin b, at index b * Taps + k.</summary>
    public int[] Dx { get; }

    public int[] Dy { get; }

    public static int BinOf(float ridgeAngle)
    {
        var bin = (int)MathF.Round(ridgeAngle * ExtractionParameters.OrientationBins / MathF.PI);
        return bin >= ExtractionParameters.OrientationBins ? bin - ExtractionParameters.OrientationBins : bin;
    }

    /// <summary>Offsets into a row-major image of the given width, for the unclamped fast path.</summary>
    public void FillOffsets(int width, Span<int> offsets)
    {
        for (var i = 0; i < Dx.Length; i++)
        {
            offsets[i] = Dy[i] * width + Dx[i];
        }
    }
}
