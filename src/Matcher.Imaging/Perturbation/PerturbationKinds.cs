namespace Matcher.Imaging.Perturbation;

/// <summary>
/// What a perturbation may do to a fingerprint image. The geometric kinds are all applied when chosen; of the chosen
/// skin conditions (dry, wet, pressure) each image gets one, as a finger is either dry or wet at one touch.
/// </summary>
[Flags]
public enum PerturbationKinds
{
    None = 0,

    /// <summary>Plastic skin distortion: the contact core stays, the skin around it is dragged and twisted.</summary>
    Elastic = 1,

    /// <summary>A large turn of the whole finger on the sensor.</summary>
    Rotation = 2,

    /// <summary>A shift that pushes part of the print off the sensor, so two impressions overlap less.</summary>
    Translation = 4,

    /// <summary>Dry skin: thin, broken, faint ridges.</summary>
    Dry = 8,

    /// <summary>Wet skin: thick ridges that merge, dark smudges.</summary>
    Wet = 16,

    /// <summary>Pressure: a light touch (small contact area, thin ridges) or a heavy one (broad ridges, narrow valleys).</summary>
    Pressure = 32,

    Geometric = Elastic | Rotation | Translation,

    SkinConditions = Dry | Wet | Pressure,

    All = Geometric | SkinConditions,
}
