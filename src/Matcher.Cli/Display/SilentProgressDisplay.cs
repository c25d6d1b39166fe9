namespace Matcher.Cli.Display;

/// <summary>Runs the work and drops every report: for redirected output and --json.</summary>
internal sealed class SilentProgressDisplay : IProgressDisplay, IProgress<ProgressStep>
{
    public static SilentProgressDisplay Instance { get; } = new();

    private SilentProgressDisplay()
    {
    }

    public T Run<T>(Func<IProgress<ProgressStep>, T> work) => work(this);

    public void Report(ProgressStep value)
    {
    }
}
