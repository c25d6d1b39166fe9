using Matcher.Core.Errors;

namespace Matcher.Face;

/// <summary>The outcome for one image of a batch: a sample, or the input problem that prevented it.</summary>
public readonly record struct FaceExtraction(FaceSample? Sample, BiometricInputException? Error)
{
    public bool Succeeded => Sample is not null;
}
