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
        0, 5E-324, 0.23786947840736028, 0.4600465138753256,
        0.6805417471256787, 0.9079458221556651, 1.1356254803237098, 1.3539396444956464,
        1.6064874387254904, 1.8430674887808463, 2.1205463409423833, 2.385992127656937,
        2.6587019294720036, 2.9146005730879936, 3.2353194838303794, 3.4028766773365167,
        4.050255527939908,
    ];

    private static readonly double[] ScoreKnots =
    [
        0, 3.611948648734362, 5.000299904461314, 7.500572831143968,
        10.000870068082452, 12.501869099820265, 15.004428833454648, 17.50840854787317,
        20.010452339146497, 22.5267037340077, 25.05149978319906, 27.58755324055749,
        30.170333392987803, 32.6691081251538, 35.521465409961294, 38.53176536660111,
        42.21153321954705,
    ];

    public static ScoreCalibration Map { get; } = new(RawKnots, ScoreKnots);

    public static double ToScore(double raw) => Map.ToScore(raw);
}
