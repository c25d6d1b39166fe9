using Matcher.Face.Landmarks;

namespace Matcher.Face.Quality;

/// <summary>
/// Head pose in degrees estimated from the five points with a rigid average-face model: roll from the eye line, yaw
/// from how far the nose tip leaves the face midline, pitch from where the nose tip sits between eyes and mouth.
/// Rough (a few degrees), which is enough to catch turned or tilted heads.
/// </summary>
public readonly record struct HeadPose(double Yaw, double Pitch, double Roll)
{
    // Average adult face: the nose tip stands about half an inter-eye distance in front of the eyes and about 0.35 of
    // it in front of the eye-mouth plane; the eye-to-mouth height is about 1.15 inter-eye distances.
    private const double NoseDepthOverEyeDistance = 0.5;
    private const double EyeMouthHeightOverNoseDepth = 1.15 / 0.35;

    // Frontal nose height between the eye line (0) and the mouth line (1), from the ArcFace reference points.
    private static readonly double FrontalNoseHeight = NoseHeight(FivePoints.ArcFaceReference.Nose, FivePoints.ArcFaceReference);

    internal static HeadPose Estimate(in FivePoints points)
    {
        var dx = points.RightEye.X - points.LeftEye.X;
        var dy = points.RightEye.Y - points.LeftEye.Y;
        var roll = Math.Atan2(dy, dx);
        var upright = Rotate(points, -roll);
        var eyeDistance = Math.Max(1e-6, upright.InterEyeDistance);

        var eyes = PointD.Midpoint(upright.LeftEye, upright.RightEye);
        var mouth = PointD.Midpoint(upright.LeftMouth, upright.RightMouth);
        var along = Math.Clamp((upright.Nose.Y - eyes.Y) / Math.Max(1e-6, mouth.Y - eyes.Y), 0, 1);
        var midlineX = eyes.X + along * (mouth.X - eyes.X);
        var yaw = Math.Atan((upright.Nose.X - midlineX) / (NoseDepthOverEyeDistance * eyeDistance));
        var pitch = Math.Atan((FrontalNoseHeight - NoseHeight(upright.Nose, upright)) * EyeMouthHeightOverNoseDepth);
        return new HeadPose(Degrees(yaw), Degrees(pitch), Degrees(roll));
    }

    private static double NoseHeight(PointD nose, in FivePoints points)
    {
        var eyesY = (points.LeftEye.Y + points.RightEye.Y) / 2;
        var mouthY = (points.LeftMouth.Y + points.RightMouth.Y) / 2;
        return (nose.Y - eyesY) / Math.Max(1e-6, mouthY - eyesY);
    }

    private static FivePoints Rotate(in FivePoints points, double angle)
    {
        var cos = Math.Cos(angle);
        var sin = Math.Sin(angle);
        PointD Turn(PointD p) => new(cos * p.X - sin * p.Y, sin * p.X + cos * p.Y);
        return new FivePoints(Turn(points.LeftEye), Turn(points.RightEye), Turn(points.Nose), Turn(points.LeftMouth), Turn(points.RightMouth));
    }

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
