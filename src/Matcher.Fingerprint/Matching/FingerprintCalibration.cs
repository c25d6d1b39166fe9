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
        0, 5E-324, 0.1728669634456285, 0.28661484052055447,
        0.3919887656630004, 0.49314049367135887, 0.5934125004364036, 0.6794877575492547,
        0.7678457623693313, 0.85663059900454, 0.9280391588974378, 1.0049749051555021,
        1.0766526823035647, 1.1582408783535103, 1.2153618819426593, 1.2811131290356481,
        1.3339280254016928,
    ];

    private static readonly double[] ScoreKnots =
    [
        0, 2.6960534602217896, 5.000299904461314, 7.500572831143968,
        10.000870068082452, 12.501869099820265, 15.004428833454648, 17.50840854787317,
        20.010452339146497, 22.5267037340077, 25.05149978319906, 27.58755324055749,
        30.170333392987803, 32.6691081251538, 35.521465409961294, 38.53176536660111,
        42.21153321954705,
    ];

    public static ScoreCalibration Map { get; } = new(RawKnots, ScoreKnots);

    public static double ToScore(double raw) => Map.ToScore(raw);
}
