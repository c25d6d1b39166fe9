using System.ComponentModel.DataAnnotations;
using Matcher.Face;
using Matcher.Face.Quality;

namespace Matcher.Server.Hosting;

/// <summary>
/// The face engine's settings as an operator sets them (section Matcher:Face). Defaults are the engine's; see
/// <see cref="FaceQualityOptions"/> for what each threshold means and why the defaults are what they are.
/// </summary>
public sealed class FaceServerOptions
{
    private static readonly FaceQualityOptions Defaults = new();

    /// <summary>
    /// Quality problems that refuse a face (reason codes such as face.pose_yaw). Unset: the engine's default set;
    /// a list replaces it entirely (Matcher:Face:RefusedProblems:0=face.too_small, ...).
    /// </summary>
    public string[]? RefusedProblems { get; set; }

    [Range(0, 10_000)]
    public double MinimumInterEyeDistance { get; set; } = Defaults.MinimumInterEyeDistance;

    [Range(1, 180)]
    public double MaximumYawDegrees { get; set; } = Defaults.MaximumYawDegrees;

    [Range(1, 180)]
    public double MaximumPitchDegrees { get; set; } = Defaults.MaximumPitchDegrees;

    [Range(1, 180)]
    public double MaximumRollDegrees { get; set; } = Defaults.MaximumRollDegrees;

    [Range(0, 1_000_000)]
    public double MinimumSharpness { get; set; } = Defaults.MinimumSharpness;

    [Range(0, 255)]
    public double MinimumBrightness { get; set; } = Defaults.MinimumBrightness;

    [Range(0, 255)]
    public double MaximumBrightness { get; set; } = Defaults.MaximumBrightness;

    [Range(0.01, 10)]
    public double SeveralFacesRelativeSize { get; set; } = Defaults.SeveralFacesRelativeSize;

    /// <summary>Whether each face gets a liveness score (about a quarter more inference time per face).</summary>
    public bool ComputeLiveness { get; set; } = true;

    /// <summary>Threads ONNX Runtime uses inside one inference; requests already run in parallel, so 1 suits a server.</summary>
    [Range(1, 256)]
    public int IntraOpThreads { get; set; } = 1;

    public FaceQualityOptions ToQualityOptions() => new()
    {
        RefusedProblems = RefusedProblems is null ? Defaults.RefusedProblems : new HashSet<string>(RefusedProblems, StringComparer.Ordinal),
        MinimumInterEyeDistance = MinimumInterEyeDistance,
        MaximumYawDegrees = MaximumYawDegrees,
        MaximumPitchDegrees = MaximumPitchDegrees,
        MaximumRollDegrees = MaximumRollDegrees,
        MinimumSharpness = MinimumSharpness,
        MinimumBrightness = MinimumBrightness,
        MaximumBrightness = MaximumBrightness,
        SeveralFacesRelativeSize = SeveralFacesRelativeSize,
    };

    internal IEnumerable<ValidationResult> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult($"Matcher:Face: {result.ErrorMessage}", result.MemberNames.Select(m => $"Face.{m}"));
        }
        var unknown = (RefusedProblems ?? []).Where(code => !FaceReasonCodes.QualityChecks.Contains(code)).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Matcher:Face:RefusedProblems has unknown reason code(s) {string.Join(", ", unknown)}; known: {string.Join(", ", FaceReasonCodes.QualityChecks)}.",
                [$"Face.{nameof(RefusedProblems)}"]);
        }
        if (MaximumBrightness <= MinimumBrightness)
        {
            yield return new ValidationResult(
                $"Matcher:Face:MaximumBrightness ({MaximumBrightness}) must be above MinimumBrightness ({MinimumBrightness}).",
                [$"Face.{nameof(MaximumBrightness)}"]);
        }
    }
}
