using Matcher.Core.Modalities;

namespace Matcher.Jobs.Definitions;

/// <summary>Which samples of each subject a job compares.</summary>
public enum JobModalities
{
    All,
    Fingerprints,
    Face,
}

public static class JobModalitiesExtensions
{
    public static bool Includes(this JobModalities modalities, Modality modality) => modalities switch
    {
        JobModalities.All => true,
        JobModalities.Fingerprints => modality == Modality.Fingerprint,
        JobModalities.Face => modality == Modality.Face,
        _ => false,
    };
}
