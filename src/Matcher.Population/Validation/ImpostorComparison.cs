namespace Matcher.Population.Validation;

/// <summary>Which two sets an impostor distribution compares.</summary>
public enum ImpostorComparison
{
    SyntheticVsSynthetic,
    SyntheticVsReal,
    RealVsReal,
}
