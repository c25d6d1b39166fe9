namespace Matcher.Population.Validation;

/// <summary>
/// Impostor score tails of synthetic vs synthetic, synthetic vs real and real vs real, per modality. Synthetic data
/// passes when its tails reach at least as high as real impostors': a synthetic gallery that is easier than the real
/// world would make scale tests report fewer false matches than the service will see.
/// </summary>
public sealed record ValidationReport(IReadOnlyList<ImpostorDistribution> Distributions)
{
    public TailQuantiles Of(string modality, ImpostorComparison comparison) =>
        Distributions.First(d => d.Modality == modality && d.Comparison == comparison).Scores;

    /// <summary>
    /// Whether both synthetic distributions of <paramref name="modality"/> reach at least <paramref name="share"/> of
    /// the real one's 99.9 % quantile (1 = fully as hard as real; lower values allow for sampling noise).
    /// </summary>
    public bool SyntheticIsNoEasier(string modality, double share)
    {
        var real = Of(modality, ImpostorComparison.RealVsReal).Q999;
        return Of(modality, ImpostorComparison.SyntheticVsSynthetic).Q999 >= share * real
            && Of(modality, ImpostorComparison.SyntheticVsReal).Q999 >= share * real;
    }
}
