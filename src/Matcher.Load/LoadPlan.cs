namespace Matcher.Load;

/// <summary>The RPCs a load test drives.</summary>
public enum LoadRpc
{
    /// <summary>Enroll with the duplicate check (insert if unique).</summary>
    Enroll,
    Identify,
    Verify,
}

/// <summary>How requests arrive.</summary>
public enum ArrivalModel
{
    /// <summary>Requests at their intended times, whatever the answers (k6 constant-arrival-rate, wrk2); latency from the intended time.</summary>
    Open,

    /// <summary>A fixed number of stations, each sending its next request when the previous answer came (ghz -c).</summary>
    Closed,
}

/// <summary>
/// What one load test does. Each level (a rate in requests per second for the open model, a number of stations for
/// the closed model) runs for <see cref="StepDuration"/>; several rising levels find the knee.
/// </summary>
public sealed record LoadPlan
{
    public const int MaxLevels = 50;
    public static readonly TimeSpan MaxStepDuration = TimeSpan.FromHours(1);

    public required string Gallery { get; init; }

    /// <summary>Planted subjects 0 .. N-1 of <see cref="Seed"/>'s population in <see cref="Gallery"/>.</summary>
    public required long GallerySubjects { get; init; }

    public ulong Seed { get; init; } = 1;

    public ArrivalModel Model { get; init; } = ArrivalModel.Open;

    /// <summary>Requests per second (open) or stations (closed), one per step, in the order run.</summary>
    public required IReadOnlyList<double> Levels { get; init; }

    public required TimeSpan StepDuration { get; init; }

    /// <summary>Relative weights of enroll, identify and verify.</summary>
    public double EnrollWeight { get; init; } = 1;

    public double IdentifyWeight { get; init; } = 1;

    public double VerifyWeight { get; init; } = 1;

    /// <summary>Share of enrollments that are another capture of a planted subject (must come back duplicate_found); the rest are new applicants.</summary>
    public double EnrollDuplicateShare { get; init; } = 0.5;

    /// <summary>Share of planted probes that are real fingers, when real mates are planted (one finger image each, no face).</summary>
    public double RealShare { get; init; } = 0.5;

    /// <summary>Finger positions in each probe and enrollment, taken in the order index, middle, thumb, ring, little of both hands.</summary>
    public int FingersPerProbe { get; init; } = 10;

    public bool FaceInProbe { get; init; } = true;

    /// <summary>A step whose p99 over every RPC passes this limit is the knee.</summary>
    public TimeSpan P99Limit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A step whose achieved rate falls below this share of the target is the knee (open model).</summary>
    public double MinAchievedShare { get; init; } = 0.95;

    /// <summary>Stops the steps at the knee instead of running the rising levels after it.</summary>
    public bool StopAtKnee { get; init; } = true;

    /// <summary>A bound on the requests of the whole run, whatever the levels and duration.</summary>
    public long MaxRequests { get; init; } = 1_000_000;

    /// <summary>Requests in flight at once (open model): past it the next waits, its latency still counted from its intended time.</summary>
    public int MaxInFlight { get; init; } = 2000;

    public TimeSpan RequestDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with the plan, in words an operator can act on; empty when it can run.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Gallery))
        {
            yield return "The gallery must be named.";
        }
        if (GallerySubjects < 1)
        {
            yield return "The gallery needs at least one planted subject.";
        }
        if (Levels.Count is 0 or > MaxLevels)
        {
            yield return $"Give from 1 to {MaxLevels} levels (rates or station counts).";
        }
        if (Levels.Any(l => !double.IsFinite(l) || l <= 0 || (Model == ArrivalModel.Closed && (l != Math.Floor(l) || l > 10_000))))
        {
            yield return Model == ArrivalModel.Open
                ? "Every rate must be a positive number of requests per second."
                : "Every concurrency must be a whole number of stations from 1 to 10000.";
        }
        if (StepDuration <= TimeSpan.Zero || StepDuration > MaxStepDuration)
        {
            yield return $"The duration of a step must lie between 0 and {MaxStepDuration.TotalMinutes:0} minutes.";
        }
        if (EnrollWeight < 0 || IdentifyWeight < 0 || VerifyWeight < 0 || EnrollWeight + IdentifyWeight + VerifyWeight <= 0)
        {
            yield return "The mix needs non-negative weights, at least one of them positive.";
        }
        if (EnrollDuplicateShare is < 0 or > 1 || RealShare is < 0 or > 1)
        {
            yield return "The shares of duplicate enrollments and of real probes must lie between 0 and 1.";
        }
        if (FingersPerProbe is < 0 or > 10 || (FingersPerProbe == 0 && !FaceInProbe))
        {
            yield return "A probe holds 0 to 10 fingers, and at least one finger or the face.";
        }
        if (P99Limit <= TimeSpan.Zero || MinAchievedShare is <= 0 or > 1)
        {
            yield return "The knee needs a positive p99 limit and an achieved share between 0 and 1.";
        }
        if (MaxRequests < 1 || MaxInFlight < 1 || RequestDeadline <= TimeSpan.Zero)
        {
            yield return "The request bound, the in-flight bound and the deadline must be positive.";
        }
    }
}
