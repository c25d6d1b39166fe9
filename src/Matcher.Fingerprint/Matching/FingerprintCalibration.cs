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
        0, 5e-324, 0.28959276018099556, 0.581818181818182,
        0.8744939271255061, 1.173913043478261, 1.4854910714285716, 1.7802197802197803,
        2.1330128205128207, 2.4200000000000004, 2.813186813186814, 3.136116152450091,
        3.502631578947369, 3.8918128654970765, 4.397435897435899, 4.695652173913044,
        5.417989417989419,
    ];

    private static readonly double[] ScoreKnots =
    [
        0, 3.611948648734362, 5.003602733559496, 7.515276416407826,
        10.003481318678627, 12.501869099820265, 15.004428833454648, 17.50840854787317,
        20.019181879410354, 22.54229780756291, 25.107538558379044, 27.58755324055749,
        30.170333392987803, 32.6691081251538, 35.521465409961294, 38.53176536660111,
        42.21153321954705,
    ];

    public static ScoreCalibration Map { get; } = new(RawKnots, ScoreKnots);

    public static double ToScore(double raw) => Map.ToScore(raw);
}
