using Matcher.Face.Detection;
using Matcher.Face.Embedding;
using Matcher.Face.Landmarks;
using Matcher.Face.Quality;

namespace Matcher.Face;

/// <summary>
/// What the engine extracted from one image: the embedding of the applicant's face (of the faces at least half as tall
/// as the tallest, the one nearest the centre of the picture) and everything a station needs to judge the capture.
/// <see cref="Liveness"/> is the probability (0..1) that the face is live, null when not computed.
/// </summary>
public sealed record FaceSample(
    FaceEmbedding Embedding,
    int FaceCount,
    FaceBox Face,
    FivePoints Landmarks,
    FaceQuality Quality,
    double? Liveness);
