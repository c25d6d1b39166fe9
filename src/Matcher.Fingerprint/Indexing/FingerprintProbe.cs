using Matcher.Core.Modalities;
using Matcher.Fingerprint.Descriptors;
using Matcher.Fingerprint.Matching;

namespace Matcher.Fingerprint.Indexing;

/// <summary>One probe finger, prepared once for the minutiae matcher and for the first stage, and compared against many candidates.</summary>
internal sealed record ProbeFinger(int Position, PreparedProbe Prepared, FingerDescriptor Descriptor, DescriptorNorm Norm);

/// <summary>
/// The fingers of one search in position order, each prepared once; a finger is only compared with the enrolled finger
/// at its position.
/// </summary>
internal sealed class FingerprintProbe : IModalityProbe
{
    public FingerprintProbe(IEnumerable<EnrolledFinger> fingers)
    {
        Fingers = fingers.OrderBy(f => f.Position).Select(f =>
        {
            var prepared = new PreparedProbe(f.Template);
            var descriptor = FingerDescriptor.Of(prepared.Minutiae);
            return new ProbeFinger(f.Position, prepared, descriptor, FirstStageScan.Background.NormOf(descriptor));
        }).ToArray();
        if (Fingers.Select(f => f.Position).Distinct().Count() != Fingers.Count)
        {
            throw new ArgumentException("Each finger position may appear at most once in a probe.", nameof(fingers));
        }
    }

    public Modality Modality => Modality.Fingerprint;

    public int SampleCount => Fingers.Count;

    /// <summary>
    /// From the hit rates of <c>matcher eval first-stage</c> (FirstStage.md): ten fingers keep their mates within
    /// 0.01 % of a gallery (estimated 100 % even at 0.001 %), so eight or more ask for 0.02 %; four within 1 %, two
    /// within 5 % for most; one finger ranks too many mates deep in the list, so a one-finger search compares the
    /// whole gallery.
    /// </summary>
    public double FirstStagePenetration => Fingers.Count switch
    {
        >= 8 => 0.0002,
        >= 4 => 0.01,
        >= 2 => 0.05,
        _ => 1,
    };

    /// <summary>
    /// Eight or more fingers: their summed evidence held every real mate even at 0.001 %, far above any face's or
    /// impostor's contribution to the sum.
    /// </summary>
    public bool KeepsEveryMateAlone => Fingers.Count >= 8;

    public IReadOnlyList<ProbeFinger> Fingers { get; }
}
