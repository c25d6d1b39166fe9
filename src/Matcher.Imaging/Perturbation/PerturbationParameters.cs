namespace Matcher.Imaging.Perturbation;

/// <summary>
/// Every magnitude of the perturbations in one place. Lengths are shares of the print's radius or pixels at 500 dpi
/// (scaled to the image's resolution); angles are degrees. Magnitudes are drawn uniformly between the bounds.
/// </summary>
internal static class PerturbationParameters
{
    /// <summary>Turn of the whole print: beyond the 20-35 degrees FVC's own rotated impressions show.</summary>
    public const double MaxRotationDegrees = 50;

    /// <summary>Shift of the print, as a share of its radius: from a small to a large loss of common area.</summary>
    public const double MinShiftShare = 0.25;

    public const double MaxShiftShare = 0.6;

    /// <summary>Radius of the undistorted contact core as a share of the print's radius (Cappelli et al., 2001).</summary>
    public const double MinCoreShare = 0.3;

    public const double MaxCoreShare = 0.6;

    /// <summary>Width of the ring over which the distortion grows from none to full, as a share of the print's radius.</summary>
    public const double TransitionShare = 0.5;

    /// <summary>How far the skin outside the ring is turned and dragged relative to the core.</summary>
    public const double MaxDistortionDegrees = 10;

    public const double MaxDragPixels = 14;

    /// <summary>Side of the cells of the smooth random field that places dry breaks, wet smudges and pressure.</summary>
    public const double PatchPixels = 28;

    /// <summary>Share of the ridge darkness a dry print keeps on average, and the share of its area whose ridges break.</summary>
    public const double DryContrast = 0.65;

    public const double DryBreakShare = 0.3;

    /// <summary>Share of the area a wet print smudges (valleys filled in).</summary>
    public const double WetSmudgeShare = 0.25;

    /// <summary>A light touch keeps this share of the print's radius in contact, fading out beyond it.</summary>
    public const double MinContactShare = 0.55;

    public const double MaxContactShare = 0.8;
}
