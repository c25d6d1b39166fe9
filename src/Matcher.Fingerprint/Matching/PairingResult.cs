namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The outcome of pairing two aligned templates: how many minutiae paired one-to-one, their summed agreement
/// (<see cref="PairAccuracy"/>), and how many of each side lie in the area both prints cover (only those could have paired).
/// </summary>
internal readonly record struct PairingResult(int Pairs, float Agreement, int ProbeInOverlap, int CandidateInOverlap);
