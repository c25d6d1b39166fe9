namespace Matcher.Population.Faces;

/// <summary>The face model synthetic populations imitate by default: the service's default embedding model.</summary>
public static class DefaultFaceModel
{
    /// <summary>The model id the face engine reports for fr_feature.onnx of faceplugin-face-recognition-js 0.0.1.</summary>
    public const string Id = "faceplugin-fr_feature-0.0.1@87aacdfe5751";

    public const int Dimension = 512;

    /// <summary>
    /// Fitted by hand on 2026-12-02 against the real impostor cosines of this model: all 1,872,281 different-person
    /// pairs of the 1,937 LFW View 1 DevTest and ORL images the engine embedded (mean 0.007, deviation 0.098,
    /// quantiles 50 / 90 / 99 / 99.9 / 99.99 % = 0.005 / 0.131 / 0.248 / 0.342 / 0.412, max 0.569), comparing 1,500
    /// synthetic faces per candidate. Rank 64 could not reach the real upper tail at any weight (the cosine of two
    /// faces far out in k directions tends to that of two random k-vectors, spread 1/sqrt(k)); rank 32 with a heavy
    /// per-face spread (3 degrees of freedom) gives synthetic-vs-synthetic 0.002 / 0.182 / 0.329 / 0.435 / 0.516, and,
    /// with a basis from the real faces, real-vs-synthetic 0.004 / 0.144 / 0.263 / 0.351 / 0.430: both at least as
    /// wide as real from the 99 % quantile up, wider below it. `matcher population validate` re-measures it.
    /// </summary>
    public static FaceModelParameters Parameters { get; } = new(MeanWeight: 0.1, Rank: 32, SubspaceWeight: 1.8, NoiseWeight: 1.0, TailDegreesOfFreedom: 3);
}
