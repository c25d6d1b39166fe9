using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;

namespace Matcher.Enrollment.Import;

/// <summary>
/// Whether a re-imported subject brings the samples it is enrolled with: the same finger positions with the same
/// minutiae, and the same face embedding of the same model. Quality is derived from the samples and not compared;
/// templates are compared in the native form the log keeps, so a subject read back after a restart compares equal.
/// </summary>
internal static class SameSamples
{
    public static bool Equal(IReadOnlyList<EnrolledSample> enrolled, IReadOnlyList<EnrolledSample> imported) =>
        enrolled.Count == imported.Count
        && SameFingers(enrolled.OfType<EnrolledFinger>().ToList(), imported.OfType<EnrolledFinger>().ToList())
        && SameFaces(enrolled.OfType<EnrolledFace>().ToList(), imported.OfType<EnrolledFace>().ToList());

    private static bool SameFingers(List<EnrolledFinger> enrolled, List<EnrolledFinger> imported)
    {
        if (enrolled.Count != imported.Count)
        {
            return false;
        }
        var importedByPosition = imported.ToDictionary(f => f.Position);
        return enrolled.All(finger => importedByPosition.TryGetValue(finger.Position, out var other)
            && Native(finger).AsSpan().SequenceEqual(Native(other)));
    }

    private static bool SameFaces(List<EnrolledFace> enrolled, List<EnrolledFace> imported) =>
        enrolled.Count == imported.Count
        && enrolled.Zip(imported).All(pair => pair.First.ModelId == pair.Second.ModelId
            && pair.First.Embedding.AsSpan().SequenceEqual(pair.Second.Embedding));

    private static byte[] Native(EnrolledFinger finger) => TemplateCodecs.Export(finger.Template, TemplateFormat.Native, finger.Position);
}
