namespace Matcher.Fingerprint.Matching;

/// <summary>A probe edge and a candidate edge with the same length and relative angles: two tentative minutia pairs.</summary>
internal readonly record struct EdgeMatch(byte ProbeFrom, byte ProbeTo, byte CandidateFrom, byte CandidateTo);
