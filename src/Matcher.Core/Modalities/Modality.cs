namespace Matcher.Core.Modalities;

/// <summary>A kind of biometric evidence. Samples are only ever compared with samples of the same modality.</summary>
public enum Modality
{
    Fingerprint,
    Face,
}
