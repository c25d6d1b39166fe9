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
        (-0.420575, 0.000),
        (-0.010271, 2.500),
        (0.050648, 5.000),
        (0.094612, 7.500),
        (0.131280, 10.000),
        (0.163699, 12.500),
        (0.193388, 15.000),
        (0.221296, 17.500),
        (0.247642, 20.000),
        (0.273132, 22.501),
        (0.296579, 25.001),
        (0.319635, 27.502),
        (0.341254, 30.004),
        (0.360002, 32.508),
        (0.378255, 35.010),
        (0.393792, 37.514),
        (0.413006, 40.036),
        (0.427616, 42.565),
        (0.440672, 45.143),
        (0.460592, 47.726),
        (0.475703, 50.473),
        (0.492665, 53.235),
        (0.518406, 56.757),
        (0.531682, 59.767),
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
