using Spectre.Console;

namespace Matcher.Cli.Display;

/// <summary>One Spectre.Console progress bar per stage, cleared when the work ends so that only the answer remains.</summary>
internal sealed class SpectreProgressDisplay(IAnsiConsole console) : IProgressDisplay
{
    public T Run<T>(Func<IProgress<ProgressStep>, T> work) =>
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => work(new StageBars(context)));

    /// <summary>Reports may come from any thread; each new stage name adds a bar below the earlier ones.</summary>
    private sealed class StageBars(ProgressContext context) : IProgress<ProgressStep>
    {
        private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);

        public void Report(ProgressStep value)
        {
            lock (_bars)
            {
                if (!_bars.TryGetValue(value.Stage, out var bar))
                {
                    _bars[value.Stage] = bar = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(1, value.Total));
                }
                bar.Value = value.Done;
            }
        }
    }
}
