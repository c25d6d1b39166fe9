namespace Matcher.Population.Faces;

/// <summary>The face model synthetic populations imitate by default: the service's default embedding model.</summary>
public static class DefaultFaceModel
{
    /// <summary>The model id the face engine reports for fr_feature.onnx of faceplugin-face-recognition-js 0.0.1.</summary>
    public const string Id = "faceplugin-fr_feature-0.0.1@87aacdfe5751";

    public const int Dimension = 512;

    /// <summary>PLACEHOLDER until fitted.</summary>
    public static FaceModelParameters Parameters { get; } = new(MeanWeight: 0.3, Rank: 16, SubspaceWeight: 0.6, NoiseWeight: 1.0, TailDegreesOfFreedom: 5);
}
