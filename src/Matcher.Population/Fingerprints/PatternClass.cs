namespace Matcher.Population.Fingerprints;

/// <summary>The Henry classes a synthetic finger is drawn from; they decide how many cores and deltas its ridges have.</summary>
public enum PatternClass
{
    /// <summary>No core, no delta: ridges enter on one side and leave on the other with a gentle rise.</summary>
    Arch,

    /// <summary>A core right above a delta: a sharp rise in the middle.</summary>
    TentedArch,

    /// <summary>One core and one delta; ridges enter and leave on the left (the delta lies to the right).</summary>
    LeftLoop,

    /// <summary>One core and one delta; ridges enter and leave on the right.</summary>
    RightLoop,

    /// <summary>Two cores and two deltas: circular or spiral ridges in the middle (double loops included).</summary>
    Whorl,
}
