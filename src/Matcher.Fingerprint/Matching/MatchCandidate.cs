using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// A template in the compact form the matcher compares against (the same form a <see cref="FingerprintGallery"/>
/// holds). Immutable and thread-safe.
/// </summary>
public sealed class MatchCandidate
{
    public MatchCandidate(FingerprintTemplate template)
    {
        Minutiae = TemplatePacker.Pack(template);
    }

    public int MinutiaCount => Minutiae.Count;

    internal PackedMinutiae Minutiae { get; }
}
