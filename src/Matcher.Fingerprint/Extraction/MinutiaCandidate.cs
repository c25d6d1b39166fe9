using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// A minutia while the extractor still works on it: position in pixels, direction as an image-space unit vector
/// (y down), and whether a filter has discarded it.
/// </summary>
internal struct MinutiaCandidate
{
    public int X;
    public int Y;
    public float DirectionX;
    public float DirectionY;
    public MinutiaType Type;
    public byte Quality;
    public bool Removed;
}
