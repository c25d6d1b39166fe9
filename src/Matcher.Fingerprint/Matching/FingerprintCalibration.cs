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
        0, 5E-324, 0.24069237804412846, 0.46240527220446664,
        0.6836132295429708, 0.9066524147987366, 1.1448373427757852, 1.3782849476255221,
        1.611156463623047, 1.8396405306729402, 2.1092387962341315, 2.380197698419745,
        2.6881237490423797, 3.0367586347791886, 3.3296017279991745, 3.581847513875654,
        4.072393465709021,
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
