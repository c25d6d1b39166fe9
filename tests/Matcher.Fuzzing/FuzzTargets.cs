using Matcher.Fuzzing.Targets;

namespace Matcher.Fuzzing;

/// <summary>Every reader of untrusted or at-rest bytes that the service depends on, by the name the scripts use.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new ImageTarget(),
        new TemplateTarget(),
        new SubjectRecordTarget(),
        DataFileTarget.LogSegment(),
        DataFileTarget.Snapshot(),
        new OnnxModelTarget(),
        new FaceManifestTarget(),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
