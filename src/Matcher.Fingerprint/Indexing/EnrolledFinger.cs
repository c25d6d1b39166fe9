using Matcher.Core.Modalities;
using Matcher.Core.Subjects;
using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Indexing;

/// <summary>One finger: its ISO position (1-10; 0, unknown, only in probes), template and sample quality (0-100).</summary>
public sealed record EnrolledFinger(int Position, FingerprintTemplate Template, int Quality) : EnrolledSample(Quality)
{
    public override Modality Modality => Modality.Fingerprint;
}
