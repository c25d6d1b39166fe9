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
        0, 5e-324, 0.28959276018099556, 0.5833333333333334,
        0.8741258741258742, 1.1764705882352944, 1.491304347826087, 1.785714285714286,
        2.1315789473684212, 2.4112318840579716, 2.772916666666667, 3.130434782608696,
        3.5451680672268906, 3.9147058823529424, 4.464285714285714, 4.796052631578948,
        5.786956521739132,
    ];

    private static readonly double[] ScoreKnots =
    [
        0, 3.665032203834402, 5.001951005033361, 7.509389007256276,
        10.004352084560043, 12.503417110821873, 15.004428833454648, 17.528059915425477,
        20.019181879410354, 22.54229780756291, 25.05149978319906, 27.58755324055749,
        30.170333392987803, 32.833012287035494, 35.521465409961294, 38.53176536660111,
        42.21153321954705,
    ];

    public static ScoreCalibration Map { get; } = new(RawKnots, ScoreKnots);

    public static double ToScore(double raw) => Map.ToScore(raw);
}
