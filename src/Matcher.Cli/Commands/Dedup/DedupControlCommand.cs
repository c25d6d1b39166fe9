using System.CommandLine;
using Grpc.Core;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Dedup;

/// <summary>`matcher dedup cancel|pause|resume JOB`: one change of a job's state, answered once the service has made it.</summary>
internal abstract class DedupControlCommand(string verb, string description) : ICliCommand
{
    private readonly Argument<string> _job = DedupOptions.JobId();
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => $"dedup {verb}";

    public string Description => description;

    public IReadOnlyList<Argument> Arguments => [_job];

    public IReadOnlyList<Option> Options => [.. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var jobId = parsed.GetRequiredValue(_job);
        using var connection = _connection.Open(parsed);
        var status = connection.Call(options => Change(connection.Jobs, jobId, options));
        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(context.Output, status);
        }
        else
        {
            context.Output.WriteLine(DedupOutput.Line(status));
        }
        return 0;
    }

    protected abstract JobStatus Change(Contracts.V1.Jobs.JobsClient jobs, string jobId, CallOptions options);
}

internal sealed class DedupCancelCommand() : DedupControlCommand("cancel", "Stop a dedup job for good; its results so far stay readable, the gallery is untouched.")
{
    protected override JobStatus Change(Contracts.V1.Jobs.JobsClient jobs, string jobId, CallOptions options) =>
        jobs.CancelJob(new CancelJobRequest { JobId = jobId }, options);
}

internal sealed class DedupPauseCommand() : DedupControlCommand("pause", "Hold a dedup job where it is (for example during peak hours); resume continues it.")
{
    protected override JobStatus Change(Contracts.V1.Jobs.JobsClient jobs, string jobId, CallOptions options) =>
        jobs.PauseJob(new PauseJobRequest { JobId = jobId }, options);
}

internal sealed class DedupResumeCommand() : DedupControlCommand("resume", "Continue a paused dedup job where it stopped.")
{
    protected override JobStatus Change(Contracts.V1.Jobs.JobsClient jobs, string jobId, CallOptions options) =>
        jobs.ResumeJob(new ResumeJobRequest { JobId = jobId }, options);
}
