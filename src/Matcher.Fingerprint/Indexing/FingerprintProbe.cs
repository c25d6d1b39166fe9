using Matcher.Core.Modalities;
using Matcher.Fingerprint.Matching;

namespace Matcher.Fingerprint.Indexing;

/// <summary>One probe finger, prepared once and compared against many candidates.</summary>
internal sealed record ProbeFinger(int Position, PreparedProbe Prepared);

/// <summary>The fingers of one search, each prepared once; a finger is only compared with the enrolled finger at its position.</summary>
internal sealed class FingerprintProbe : IModalityProbe
{
    public FingerprintProbe(IEnumerable<EnrolledFinger> fingers)
    {
        Fingers = fingers.Select(f => new ProbeFinger(f.Position, new PreparedProbe(f.Template))).ToArray();
        if (Fingers.Select(f => f.Position).Distinct().Count() != Fingers.Count)
        {
            throw new ArgumentException("Each finger position may appear at most once in a probe.", nameof(fingers));
        }
    }

    public Modality Modality => Modality.Fingerprint;

    public IReadOnlyList<ProbeFinger> Fingers { get; }
}
