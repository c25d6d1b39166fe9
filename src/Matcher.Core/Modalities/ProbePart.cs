namespace Matcher.Core.Modalities;

/// <summary>
/// Which of a probe's samples a comparison scores. A staged comparison scores the leading samples first and the rest
/// only when those leave the candidate in the running; <see cref="Leading"/> and <see cref="Rest"/> together are
/// <see cref="Whole"/>, and which samples lead depends on the probe and the row alike, never on which is which, so
/// the stages of A against B and of B against A score the same samples.
/// </summary>
public enum ProbePart
{
    Whole,
    Leading,
    Rest,
}
