using System.Numerics;
using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Descriptors;

/// <summary>
/// A finger's fixed-length first-stage descriptor: which of 1,024 hashed cells of (edge length, edge direction, neighbour
/// direction) its minutia pairs fill. Two impressions of one finger share many cells; the first stage ranks a whole
/// gallery by shared cells before the minutiae matcher looks at a short list. Immutable.
/// </summary>
public sealed class FingerDescriptor
{
    private FingerDescriptor(ulong[] words)
    {
        Words = words;
        BitCount = words.Sum(w => BitOperations.PopCount(w));
    }

    public const int Bits = DescriptorParameters.Bits;

    /// <summary>Cells filled; more minutiae fill more, which the background model discounts when scoring.</summary>
    public int BitCount { get; }

    internal ulong[] Words { get; }

    public static FingerDescriptor Of(FingerprintTemplate template) => Of(TemplatePacker.Pack(template));

    internal static FingerDescriptor Of(PackedMinutiae minutiae)
    {
        var words = new ulong[DescriptorParameters.Words];
        PairCells.Mark(minutiae, words);
        return new FingerDescriptor(words);
    }
}
