namespace Matcher.Core.Search;

/// <summary>
/// The calibrated score of one probe sample against the candidate's comparable sample. <see cref="Position"/> says
/// which one within its modality: the ISO finger position (1-10) for a finger, 0 where a modality has one sample.
/// </summary>
public readonly record struct SampleScore(int Position, double Score);
