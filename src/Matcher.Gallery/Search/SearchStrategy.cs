namespace Matcher.Gallery.Search;

/// <summary>How a search chooses the subjects it compares with the full matchers.</summary>
public enum SearchStrategy
{
    /// <summary>
    /// Every modality's cheap first stage ranks every subject, the evidence is summed per subject, and only the best
    /// share (the probe's first-stage penetration, at least a minimum list) is compared fully.
    /// </summary>
    Cascade,

    /// <summary>
    /// Every enrolled sample is compared with the full matcher and each sample kind nominates its best subjects: slow
    /// (linear in the gallery with a large constant) and the reference the cascade is measured against.
    /// </summary>
    Exhaustive,
}
