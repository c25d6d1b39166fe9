using Matcher.Contracts.V1;
using Matcher.Fingerprint.Indexing;

namespace Matcher.Server.Samples;

/// <summary>All samples of one request, made ready for matching, with their quality reports.</summary>
internal sealed record ReadSamples(IReadOnlyList<EnrolledFinger> Fingers, ReadFace? Face, IReadOnlyList<SampleQuality> Quality);
