using Matcher.Core.Scoring;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The fitted map from raw similarity to the calibrated score, reproduced by
/// <c>matcher calibrate fingerprints --dataset /work/shared/datasets/fingerprints/iso19794-2/openafis/fvc2002</c>
/// (49,920 impostor pairs of the FVC2002 B templates; see Calibration.md for how far it is measured).
/// </summary>
internal static class FingerprintCalibration
{
    private static readonly double[] RawKnots =
    [
        0, 0.5252100840336136, 0.8932291666666669, 1.254901960784314,
        1.6074879227053145, 1.9841269841269844, 2.365517241379311, 2.740601503759399,
        3.136116152450091, 3.555555555555556, 4.005494505494507, 4.454545454545455,
        4.9726720647773295, 5.398901098901099, 5.9594594594594605, 6.304227941176471,
        7.144791666666667,
    ];

    private static readonly double[] ScoreKnots =
    [
        0, 2.5088394987078044, 5.007183635208311, 7.515767394286257,
        10.004352084560043, 12.518927644519255, 15.009940185487483, 17.542857016005957,
        20.010452339146497, 22.54229780756291, 25.07942878504076, 27.58755324055749,
        30.170333392987803, 32.6691081251538, 35.521465409961294, 38.53176536660111,
        42.21153321954705,
    ];

    public static ScoreCalibration Map { get; } = new(RawKnots, ScoreKnots);

    public static double ToScore(double raw) => Map.ToScore(raw);
}
