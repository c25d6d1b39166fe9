using Matcher.Core.Errors;
using Matcher.Imaging;
using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Turns a fingerprint image into a minutiae template. Thread-safe and reusable: each thread keeps its own working
/// memory, so one instance can serve a whole service.
/// </summary>
public sealed class FingerprintExtractor
{
    /// <summary>Resolutions outside this range are either too coarse to show ridges or not a fingerprint scanner.</summary>
    public const int MinDpi = 250;

    public const int MaxDpi = 1200;

    private readonly ExtractionOptions _options;

    public FingerprintExtractor(ExtractionOptions? options = null)
    {
        _options = options ?? new ExtractionOptions();
        _options.Validate();
    }

    /// <summary>
    /// Extracts the minutiae of <paramref name="image"/> scanned at <paramref name="dpi"/>. Throws
    /// <see cref="BiometricInputException"/> for images of the wrong size or resolution and for samples that show too
    /// little of a finger or too few minutiae to be matched.
    /// </summary>
    public ExtractionResult Extract(GrayImage image, int dpi)
    {
        ArgumentNullException.ThrowIfNull(image);
        var grid = TargetGrid(image, dpi);
        var scratch = ExtractionScratch.ForCurrentThread();
        scratch.EnsureCapacity(grid);

        var pixels = Resampling.ScaleToDpi(image, dpi, ExtractionParameters.TargetDpi).Pixels;
        BlockContrast.Measure(pixels, grid, scratch.BlockMean, scratch.BlockDeviation, scratch.BlockWorkA, scratch.BlockWorkB);
        ContrastNormalization.Normalize(pixels, grid, scratch.BlockMean, scratch.BlockDeviation, scratch.Normalized);
        OrientationField.Compute(scratch.Normalized, grid, scratch.BlockOrientation, scratch.BlockCoherence, scratch);
        var foreground = SegmentationMask.Compute(grid, scratch.BlockDeviation, scratch.BlockCoherence, scratch.BlockMask, scratch);
        if (foreground < _options.MinForegroundFraction)
        {
            throw BiometricInputException.Unusable("fingerprint.too_little_foreground",
                $"Only {foreground:P0} of the image shows a fingerprint; place the finger flat on the scanner and capture again.");
        }

        var ridgePeriod = RidgePeriodEstimate.Estimate(scratch.Normalized, grid, scratch.BlockOrientation, scratch.BlockMask, scratch.PeriodSamples);
        RidgeEnhancement.Enhance(scratch.Normalized, grid, scratch.BlockOrientation, scratch.BlockMask, ridgePeriod, scratch.AlongRidge, scratch.Enhanced);
        Binarization.Binarize(scratch.Enhanced, grid, scratch.BlockMask, scratch.Ridges);
        BinaryCleanup.RemoveDotsAndPores(scratch.Ridges, grid, scratch.PixelWork);
        Thinning.Thin(scratch.Ridges, grid, scratch.PixelWork);

        var candidates = scratch.Candidates;
        MinutiaeDetection.Detect(scratch.Ridges, grid, scratch.BlockMask, candidates);
        MaskBorderFilter.Apply(candidates, grid, scratch.BlockMask);
        RidgeGapFilter.Apply(candidates);
        ClusterFilter.Apply(candidates, scratch.PixelWork);
        MinutiaQuality.Assess(candidates, grid, scratch.BlockCoherence);
        var minutiae = MinutiaSelection.Select(candidates, _options.MaxMinutiae);
        if (minutiae.Length < _options.MinMinutiae)
        {
            throw BiometricInputException.Unusable("fingerprint.too_few_minutiae",
                $"Only {minutiae.Length} ridge details were found (at least {_options.MinMinutiae} are needed); clean the scanner and the finger and capture again.");
        }

        var quality = MinutiaQuality.ForSample(grid, scratch.BlockCoherence, scratch.BlockMask, foreground);
        var template = new FingerprintTemplate(grid.Width, grid.Height, minutiae, (byte)quality);
        return new ExtractionResult(template, quality, foreground);
    }

    private BlockGrid TargetGrid(GrayImage image, int dpi)
    {
        if (dpi is < MinDpi or > MaxDpi)
        {
            throw BiometricInputException.Invalid("image.dpi_out_of_range",
                $"The scanner resolution must be between {MinDpi} and {MaxDpi} dpi; {dpi} dpi was given.");
        }
        var width = ScaledLength(image.Width, dpi);
        var height = ScaledLength(image.Height, dpi);
        if (width < _options.MinWidth || height < _options.MinHeight)
        {
            throw BiometricInputException.Invalid("image.too_small",
                $"The image is {width} x {height} pixels at 500 dpi; a fingerprint needs at least {_options.MinWidth} x {_options.MinHeight}.");
        }
        if (width > _options.MaxWidth || height > _options.MaxHeight)
        {
            throw BiometricInputException.TooLarge("image.too_large",
                $"The image is {width} x {height} pixels at 500 dpi; at most {_options.MaxWidth} x {_options.MaxHeight} is accepted.");
        }
        return new BlockGrid(width, height);
    }

    /// <summary>The side length <see cref="Resampling.ScaleToDpi"/> will produce, known before any pixel is touched.</summary>
    private static int ScaledLength(int length, int dpi) =>
        (int)Math.Round((double)length * ExtractionParameters.TargetDpi / dpi, MidpointRounding.AwayFromZero);
}
