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
        (-0.010259, 2.500),
        (0.050672, 5.000),
        (0.094650, 7.500),
        (0.131324, 10.000),
        (0.163746, 12.500),
        (0.193424, 15.000),
        (0.221384, 17.500),
        (0.247721, 20.000),
        (0.273177, 22.501),
        (0.296590, 25.001),
        (0.319700, 27.502),
        (0.341317, 30.004),
        (0.360141, 32.508),
        (0.378514, 35.010),
        (0.394284, 37.514),
        (0.414729, 40.036),
        (0.429073, 42.565),
        (0.444248, 45.143),
        (0.463737, 47.726),
        (0.483261, 50.473),
        (0.513363, 53.235),
        (0.564481, 56.757),
        (0.708865, 59.767),
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
