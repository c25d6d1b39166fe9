using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Jobs;
using Matcher.Jobs.Definitions;
using Matcher.Server.Errors;
using Matcher.Server.Hosting;
using Matcher.Server.Requests;
using Microsoft.Extensions.Options;
using static Matcher.Contracts.V1.Jobs;
using JobModalities = Matcher.Jobs.Definitions.JobModalities;

namespace Matcher.Server.Services;

/// <summary>Batch dedup jobs: requests checked for form here, mapped onto the jobs core.</summary>
internal sealed class JobsService(JobsCore jobs, IOptions<ServerOptions> serverOptions) : JobsBase
{
    private const int MaxLabelLength = 200;
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;
    private readonly ServerOptions _options = serverOptions.Value;

    public override async Task<StartDedupJobResponse> StartDedupJob(StartDedupJobRequest request, ServerCallContext context)
    {
        var gallery = RequestValidation.Gallery(request.Gallery, "gallery");
        string? against = request.AgainstGallery.Length == 0 ? null : RequestValidation.Gallery(request.AgainstGallery, "against_gallery");
        if (against == gallery)
        {
            throw new InvalidRequestException("against_gallery",
                $"against_gallery names the job's own gallery '{gallery}'; leave it empty to search a gallery against itself.");
        }
        if (request.Label.Length > MaxLabelLength || request.Label.Any(char.IsControl))
        {
            throw new InvalidRequestException("label", $"The label must be at most {MaxLabelLength} characters without control characters.");
        }
        var definition = new DedupJobRequest(
            gallery,
            against,
            request.Modalities switch
            {
                Contracts.V1.JobModalities.Unspecified or Contracts.V1.JobModalities.All => JobModalities.All,
                Contracts.V1.JobModalities.Fingerprints => JobModalities.Fingerprints,
                Contracts.V1.JobModalities.Face => JobModalities.Face,
                _ => throw new InvalidRequestException("modalities", $"Modalities {(int)request.Modalities} are not known."),
            },
            RequestValidation.Rate(request.HasTargetFalsePositiveIdentificationRate ? request.TargetFalsePositiveIdentificationRate : null,
                _options.TargetFalsePositiveIdentificationRate, "target_false_positive_identification_rate"),
            RequestValidation.MaxCandidates(request.MaxCandidatesPerSubject, _options.Jobs.DefaultMaxCandidatesPerSubject, "max_candidates_per_subject"),
            request.RequestId.Length == 0 ? null : RequestValidation.RequestId(request.RequestId, "request_id"),
            request.Label);
        var (status, existing) = await jobs.StartDedupAsync(definition, context.CancellationToken);
        return new StartDedupJobResponse { JobId = status.Definition.JobId, Existing = existing, Status = status.ToContract() };
    }

    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<JobStatus> responseStream, ServerCallContext context)
    {
        await foreach (var status in jobs.WatchAsync(JobId(request.JobId), context.CancellationToken))
        {
            await responseStream.WriteAsync(status.ToContract(), context.CancellationToken);
        }
    }

    public override Task<GetJobResultsResponse> GetJobResults(GetJobResultsRequest request, ServerCallContext context)
    {
        if (request.PageSize > MaxPageSize)
        {
            throw new InvalidRequestException("page_size", $"At most {MaxPageSize} pairs fit a page; got {request.PageSize}.");
        }
        var offset = 0;
        if (request.PageToken.Length > 0 && (!int.TryParse(request.PageToken, out offset) || offset < 0))
        {
            throw new InvalidRequestException("page_token", "The page token is not one this service gave; start again with an empty token.");
        }
        var page = jobs.Results(JobId(request.JobId), request.PageSize == 0 ? DefaultPageSize : (int)request.PageSize, offset);
        var response = new GetJobResultsResponse
        {
            Status = page.Status.ToContract(),
            TotalPairs = page.TotalPairs,
            NextPageToken = page.NextOffset?.ToString() ?? "",
        };
        response.Pairs.AddRange(page.Pairs.Select(p => p.Pair.ToContract(p.Cluster)));
        response.Clusters.AddRange(page.Clusters.Select(c => c.ToContract()));
        return Task.FromResult(response);
    }

    public override async Task<JobStatus> CancelJob(CancelJobRequest request, ServerCallContext context) =>
        (await jobs.CancelAsync(JobId(request.JobId), context.CancellationToken)).ToContract();

    public override async Task<JobStatus> PauseJob(PauseJobRequest request, ServerCallContext context) =>
        (await jobs.PauseAsync(JobId(request.JobId), context.CancellationToken)).ToContract();

    public override async Task<JobStatus> ResumeJob(ResumeJobRequest request, ServerCallContext context) =>
        (await jobs.ResumeAsync(JobId(request.JobId), context.CancellationToken)).ToContract();

    public override Task<ListJobsResponse> ListJobs(ListJobsRequest request, ServerCallContext context)
    {
        var response = new ListJobsResponse();
        response.Jobs.AddRange(jobs.List().Select(j => j.ToContract()));
        return Task.FromResult(response);
    }

    private static string JobId(string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidRequestException("job_id", "The job id is empty.")
        : value.Length > RequestValidation.MaxIdLength ? throw new InvalidRequestException("job_id", "The job id is too long to be one this service gave.")
        : value;
}
