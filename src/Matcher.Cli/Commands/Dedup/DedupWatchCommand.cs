using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;
using Spectre.Console;

namespace Matcher.Cli.Commands.Dedup;

/// <summary>
/// `matcher dedup watch JOB`: the job's progress until it ends: a live bar with rate, pairs and time left at a terminal,
/// one line (or one JSON object) per update otherwise. Ctrl+C stops watching, never the job. Exit code 0 when the job
/// completed, 1 when it failed or was cancelled, 3 when watching stopped while it was paused.
/// </summary>
internal sealed class DedupWatchCommand : ICliCommand
{
    private readonly Argument<string> _job = DedupOptions.JobId();
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "dedup watch";

    public string Description => "Follow a dedup job's progress (rate, pairs found, time left) until it ends.";

    public IReadOnlyList<Argument> Arguments => [_job];

    public IReadOnlyList<Option> Options => [.. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var jobId = parsed.GetRequiredValue(_job);
        var json = parsed.GetValue(_json);
        using var connection = _connection.Open(parsed);
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var last = context.OutputIsTerminal && !json
                ? WatchWithBar(connection, jobId, context, stop.Token)
                : WatchAsLines(connection, jobId, context, json, stop.Token);
            if (last is null)
            {
                return 1;
            }
            if (!json && context.OutputIsTerminal)
            {
                context.Output.WriteLine(DedupOutput.Line(last));
            }
            return last.State switch
            {
                JobState.Completed => 0,
                JobState.Paused or JobState.Queued or JobState.Running => ServiceOutput.NegativeDecision,
                _ => 1,
            };
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static JobStatus? WatchAsLines(ServiceConnection connection, string jobId, CommandContext context, bool json, CancellationToken stop)
    {
        JobStatus? last = null;
        connection.ReadStreamAsync(options => connection.Jobs.WatchJob(new WatchJobRequest { JobId = jobId }, options), status =>
        {
            last = status;
            if (json)
            {
                ServiceOutput.WriteJson(context.Output, status);
            }
            else
            {
                context.Output.WriteLine(DedupOutput.Line(status));
            }
            return true;
        }, stop).GetAwaiter().GetResult();
        return last;
    }

    private static JobStatus? WatchWithBar(ServiceConnection connection, string jobId, CommandContext context, CancellationToken stop)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Output) });
        JobStatus? last = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(progress =>
            {
                var bar = progress.AddTask(jobId, maxValue: 1);
                connection.ReadStreamAsync(options => connection.Jobs.WatchJob(new WatchJobRequest { JobId = jobId }, options), status =>
                {
                    last = status;
                    bar.MaxValue = Math.Max(1, status.SubjectsTotal);
                    bar.Value = status.SubjectsDone;
                    bar.Description = Markup.Escape(DedupOutput.Line(status));
                    return true;
                }, stop).GetAwaiter().GetResult();
            });
        return last;
    }
}
