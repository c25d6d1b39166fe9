using Matcher.Core.Scoring;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The fitted map from raw similarity to the calibrated score, reproduced by
/// <c>matcher calibrate fingerprints --dataset /work/shared/datasets/fingerprints/fvc2002 --dpi 500 --dpi-override DB2_B=569</c>
/// (49,920 impostor pairs of templates our extractor made from the FVC2002 B images; see Calibration.md for how far
/// it is measured and how far extrapolated).
/// </summary>
internal static class FingerprintCalibration
{
    private static readonly double[] RawKnots =
    [
        0, 5E-324, 0.1724688719043157, 0.30857906446793226,
        0.4264947164907365, 0.5345576136150771, 0.6352661770801503, 0.7306283186623712,
        0.8120471074095055, 0.8941472091127274, 0.9749421810445748, 1.0502930406810747,
        1.1289043924599218, 1.1919114476852843, 1.276278933971954, 1.3224002987724937,
        1.3570079144749705,
    ];

    private static readonly double[] ScoreKnots =
    [
        0, 3.6151474297611963, 5.000299904461314, 7.500572831143968,
        10.000870068082452, 12.501869099820265, 15.004428833454648, 17.50840854787317,
        20.010452339146497, 22.5267037340077, 25.05149978319906, 27.58755324055749,
        30.170333392987803, 32.6691081251538, 35.521465409961294, 38.53176536660111,
        42.21153321954705,
    ];

    public static ScoreCalibration Map { get; } = new(RawKnots, ScoreKnots);

    public static double ToScore(double raw) => Map.ToScore(raw);
}
