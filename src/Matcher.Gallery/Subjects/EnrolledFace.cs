namespace Matcher.Gallery.Subjects;

/// <summary>An enrolled face: a unit-length embedding, the model that made it, and the sample quality (0-100).</summary>
public sealed record EnrolledFace(string ModelId, float[] Embedding, int Quality);
