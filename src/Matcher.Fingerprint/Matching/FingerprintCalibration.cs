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
        0, 5e-324, 0.25867269984917046, 0.5541125541125542,
        0.8537549407114624, 1.149425287356322, 1.4545454545454548, 1.7726098191214472,
        2.112698412698413, 2.398026315789474, 2.777777777777778, 3.090090090090091,
        3.5208333333333335, 3.968253968253969, 4.354838709677421, 4.673076923076924,
        5.019512195121953,
    ];

    private static readonly double[] ScoreKnots =
    [
        0, 3.6806379210283957, 5.000299904461314, 7.502530435332639,
        10.001740310509778, 12.506514789140814, 15.009940185487483, 17.50840854787317,
        20.019181879410354, 22.5267037340077, 25.07942878504076, 27.58755324055749,
        30.170333392987803, 32.6691081251538, 35.521465409961294, 38.53176536660111,
        42.21153321954705,
    ];

    public static ScoreCalibration Map { get; } = new(RawKnots, ScoreKnots);

    public static double ToScore(double raw) => Map.ToScore(raw);
}
