using Matcher.Fingerprint.Matching;

namespace Matcher.Fingerprint.Descriptors;

/// <summary>
/// The constants of the first-stage finger descriptor, chosen by the hit-rate / penetration sweep described in
/// FirstStage.md. Pairs are each minutia with its <see cref="MatchingParameters.NeighborCount"/> nearest neighbours
/// within <see cref="MatchingParameters.MaxEdgeLength"/>, exactly the edges the packed template already stores.
/// </summary>
internal static class DescriptorParameters
{
    /// <summary>Bits per descriptor: 128 bytes, two 512-bit vectors, a twelfth of a finger's packed minutiae.</summary>
    public const int Bits = 1024;

    public const int Words = Bits / 64;

    /// <summary>Pair lengths are binned in steps of 10 px (12 bins up to 120 px).</summary>
    public const int LengthBin = 10;

    public const int LengthBins = MatchingParameters.MaxEdgeLength / LengthBin;

    /// <summary>Both relative angles in 16 bins of 22.5 degrees; probes are not widened, the sweep showed it only adds noise.</summary>
    public const int AngleShift = 4;

    public const int AngleBins = 256 >> AngleShift;

    /// <summary>Variances below this (nearly empty descriptors) are floored, so a print with a few minutiae cannot score high.</summary>
    public const float MinimumVariance = 1f;
}
