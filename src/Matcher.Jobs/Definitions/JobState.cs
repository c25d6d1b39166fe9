namespace Matcher.Jobs.Definitions;

/// <summary>Where a job is in its life; the last three are final.</summary>
public enum JobState
{
    Queued,
    Running,
    Paused,
    Completed,
    Failed,
    Cancelled,
}

public static class JobStates
{
    public static bool IsFinal(this JobState state) => state is JobState.Completed or JobState.Failed or JobState.Cancelled;
}
