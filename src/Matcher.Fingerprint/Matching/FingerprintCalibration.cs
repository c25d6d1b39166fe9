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
        0, 5E-324, 0.19340026378631595, 0.3760146691054895,
        0.5567906745665466, 0.7437776241983688, 0.9328180351257326, 1.1289728564074917,
        1.3185197375370907, 1.5165107433612535, 1.7379399982688086, 1.9706769943237306,
        2.2421664458054766, 2.4361977174086276, 2.6644497680664068, 2.985299210394583,
        3.2106154546932304,
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
