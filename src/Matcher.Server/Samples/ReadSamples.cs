using Matcher.Contracts.V1;

namespace Matcher.Server.Samples;

/// <summary>All samples of one request, made ready for matching, with their quality reports.</summary>
internal sealed record ReadSamples(IReadOnlyList<ReadFingerprint> Fingers, ReadFace? Face, IReadOnlyList<SampleQuality> Quality);
