using Matcher.Benchmarks.Fingerprint;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;

namespace Matcher.Benchmarks.Service;

/// <summary>
/// Applicants for enrollment-throughput runs: ten fingerprint templates (seeded jittered copies of the FVC2002 DB1_B
/// ISO templates, one per finger position) and one seeded unit-length 512-d face embedding each, so no image is
/// decoded and the measured work is the service's own: template import, logging, fsync and indexing.
/// </summary>
internal sealed class SyntheticApplicants
{
    public const int FingersPerApplicant = 10;
    private const int FaceDimension = 512;

    private SyntheticApplicants(FingerprintTemplate[][] fingers, float[][] faces)
    {
        Fingers = fingers;
        Faces = faces;
    }

    /// <summary>Templates per applicant, index i is finger position i + 1.</summary>
    public FingerprintTemplate[][] Fingers { get; }

    public float[][] Faces { get; }

    public int Count => Faces.Length;

    public static SyntheticApplicants Generate(int count, int seed)
    {
        var templates = IsoTemplates.Jittered(IsoTemplates.Db1(), count * FingersPerApplicant, seed).ToArray();
        var fingers = Enumerable.Range(0, count).Select(a => templates.AsSpan(a * FingersPerApplicant, FingersPerApplicant).ToArray()).ToArray();
        var random = new Random(seed);
        var faces = Enumerable.Range(0, count).Select(_ => TestSamples.UnitVector(random, FaceDimension)).ToArray();
        return new SyntheticApplicants(fingers, faces);
    }
}
