using Matcher.Core.Scoring;
using Matcher.Face.Models;

namespace Matcher.Face.Scoring;

/// <summary>
/// Cosine similarity of the default embedding model (faceplugin fr_feature, model id prefix
/// "faceplugin-fr_feature-0.0.1") mapped to the shared -10 log10(FMR) score. The knots were fitted with
/// <see cref="ScoreCalibration.FitFromImpostors"/> on 1,895,543 different-person pairs (LFW DevTest + ORL); how, and
/// how far the map is measured rather than extrapolated, is written down in FaceCalibration.md beside this project.
/// </summary>
internal static class FaceScoreCalibration
{
    /// <summary>SHA-256 of the model file these knots were fitted for.</summary>
    public const string DefaultModelSha256 = "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581";

    private static readonly (double Cosine, double Score)[] Knots =
    [
        (-0.443751, 0.000),
        (-0.010370, 2.500),
        (0.050535, 5.000),
        (0.094516, 7.500),
        (0.131292, 10.000),
        (0.163431, 12.500),
        (0.193395, 15.000),
        (0.221111, 17.500),
        (0.247772, 20.000),
        (0.272780, 22.501),
        (0.296756, 25.001),
        (0.319981, 27.502),
        (0.341717, 30.004),
        (0.360662, 32.508),
        (0.378108, 35.010),
        (0.394538, 37.514),
        (0.412124, 40.036),
        (0.427678, 42.565),
        (0.440396, 45.143),
        (0.458891, 47.726),
        (0.477268, 50.473),
        (0.492491, 53.235),
        (0.510903, 56.757),
        (0.542001, 59.767),
    ];

    public static ScoreCalibration Default { get; } =
        new(Knots.Select(k => k.Cosine).ToArray(), Knots.Select(k => k.Score).ToArray());

    /// <summary>
    /// The built-in knots for the default model; for another model, the knots its manifest entry carries (fitted with
    /// `matcher calibrate faces`). A model without a calibration is refused: its scores would mean nothing.
    /// </summary>
    public static ScoreCalibration For(string modelSha256, CalibrationKnots? fromManifest, string modelFile)
    {
        if (fromManifest is not null)
        {
            return new ScoreCalibration(fromManifest.Cosine, fromManifest.Score);
        }
        if (string.Equals(modelSha256, DefaultModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            return Default;
        }
        throw new InvalidDataException(
            $"Embedding model '{modelFile}' has no score calibration. Fit one with 'matcher calibrate faces --roots DIR' and add " +
            "its knots to the model's manifest entry as \"calibration\": { \"cosine\": [...], \"score\": [...] }.");
    }
}
