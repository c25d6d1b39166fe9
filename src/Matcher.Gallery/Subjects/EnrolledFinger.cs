using Matcher.Fingerprint.Templates;

namespace Matcher.Gallery.Subjects;

/// <summary>One enrolled finger: its ISO position (1-10), template and sample quality (0-100).</summary>
public sealed record EnrolledFinger(int Position, FingerprintTemplate Template, int Quality);
