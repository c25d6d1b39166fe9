using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Core.Modalities;
using Matcher.Core.Subjects;
using Matcher.Enrollment;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery.Search;
using Matcher.Server.Errors;
using Matcher.Server.Hosting;
using Matcher.Server.Requests;
using Matcher.Server.Samples;
using Microsoft.Extensions.Options;
using static Matcher.Contracts.V1.Matcher;

namespace Matcher.Server.Services;

/// <summary>Enrollment with duplicate check, verification, identification and subject management, mapped onto the registry.</summary>
internal sealed partial class MatcherService(
    SubjectRegistry registry,
    SamplesReader samplesReader,
    FaceEngineProvider faces,
    IOptions<ServerOptions> serverOptions,
    TimeProvider clock,
    ILogger<MatcherService> logger) : MatcherBase
{
    private readonly ServerOptions _options = serverOptions.Value;

    public override async Task<EnrollResponse> Enroll(EnrollRequest request, ServerCallContext context)
    {
        var command = new EnrollmentCommand(
            KeyOf(request.Gallery, request.SubjectId),
            request.DedupMode switch
            {
                DedupMode.Unspecified or DedupMode.InsertIfUnique => EnrollmentMode.InsertIfUnique,
                DedupMode.InsertOnly => EnrollmentMode.InsertOnly,
                DedupMode.InsertAndReport => EnrollmentMode.InsertAndReport,
                _ => throw new InvalidRequestException("dedup_mode", $"Dedup mode {(int)request.DedupMode} is not known."),
            },
            RequestValidation.MaxCandidates(request.Search?.MaxCandidates ?? 0, _options.DefaultMaxCandidates, "search.max_candidates"),
            RequestValidation.Rate(RequestedRate(request.Search), _options.TargetFalsePositiveIdentificationRate,
                "search.target_false_positive_identification_rate"),
            request.RequestId.Length == 0 ? null : RequestValidation.RequestId(request.RequestId, "request_id"));
        IReadOnlyList<SampleQuality> quality = [];
        var result = await registry.EnrollAsync(command,
            cancellation =>
            {
                var samples = samplesReader.Read(request.Samples, "samples", cancellation);
                quality = samples.Quality;
                return SamplesOf(samples);
            },
            decision => Answer(decision, quality).ToByteArray(),
            context.CancellationToken);
        var response = result.RecordedAnswer is { } recorded ? EnrollResponse.Parser.ParseFrom(recorded.Span) : Answer(result.Decision!, quality);
        response.Timings = Timings(result.Timings);
        return response;
    }

    public override Task<VerifyResponse> Verify(VerifyRequest request, ServerCallContext context)
    {
        var started = clock.GetTimestamp();
        var key = KeyOf(request.Gallery, request.SubjectId);
        var rate = RequestValidation.Rate(request.HasTargetFalseMatchRate ? request.TargetFalseMatchRate : null, _options.TargetFalseMatchRate, "target_false_match_rate");
        registry.Get(key);
        var samples = samplesReader.Read(request.Samples, "samples", context.CancellationToken);
        var extracted = clock.GetElapsedTime(started);
        var verification = registry.Verify(key, SamplesOf(samples), rate, context.CancellationToken);
        var total = clock.GetElapsedTime(started);
        logger.LogInformation("Verify {Gallery}/{SubjectId}: match {Match}", key.Gallery, key.SubjectId, verification.Match);
        return Task.FromResult(new VerifyResponse
        {
            Match = verification.Match,
            Result = verification.Result.ToContract(),
            Threshold = verification.Threshold,
            Quality = { samples.Quality },
            Timings = Timings(new StageTimings(extracted, total - extracted, TimeSpan.Zero, total)),
        });
    }

    public override Task<IdentifyResponse> Identify(IdentifyRequest request, ServerCallContext context)
    {
        var started = clock.GetTimestamp();
        var galleries = request.Galleries.Count == 0 ? null
            : request.Galleries.Select((g, i) => RequestValidation.Gallery(g, $"galleries[{i}]")).ToHashSet(StringComparer.Ordinal);
        var subjects = request.SubjectIds.Count == 0 ? null
            : request.SubjectIds.Select((s, i) => RequestValidation.SubjectId(s, $"subject_ids[{i}]")).ToHashSet(StringComparer.Ordinal);
        var maxCandidates = RequestValidation.MaxCandidates(request.Search?.MaxCandidates ?? 0, _options.DefaultMaxCandidates, "search.max_candidates");
        var rate = RequestValidation.Rate(RequestedRate(request.Search),
            _options.TargetFalsePositiveIdentificationRate, "search.target_false_positive_identification_rate");
        var samples = samplesReader.Read(request.Samples, "samples", context.CancellationToken);
        var extracted = clock.GetElapsedTime(started);
        var identification = registry.Identify(SamplesOf(samples), new SearchScope(galleries, subjects), maxCandidates, rate, context.CancellationToken);
        var total = clock.GetElapsedTime(started);
        logger.LogInformation("Identify over {Subjects} subjects: {Candidates} candidates, {Milliseconds:0} ms",
            identification.SearchedSubjects, identification.Candidates.Count, total.TotalMilliseconds);
        return Task.FromResult(new IdentifyResponse
        {
            Candidates = { identification.Candidates.Select(c => c.ToContract()) },
            Threshold = identification.Threshold,
            SearchedSubjects = (ulong)identification.SearchedSubjects,
            Quality = { samples.Quality },
            Timings = Timings(new StageTimings(extracted, total - extracted, TimeSpan.Zero, total)),
        });
    }

    public override async Task<DeleteResponse> Delete(DeleteRequest request, ServerCallContext context)
    {
        await registry.DeleteAsync(KeyOf(request.Gallery, request.SubjectId), context.CancellationToken);
        return new DeleteResponse();
    }

    public override Task<GetSubjectResponse> GetSubject(GetSubjectRequest request, ServerCallContext context)
    {
        var record = registry.Get(KeyOf(request.Gallery, request.SubjectId));
        var fingers = record.Samples.OfType<EnrolledFinger>().ToList();
        var recordFace = record.Samples.OfType<EnrolledFace>().FirstOrDefault();
        var response = new GetSubjectResponse
        {
            SubjectId = record.Key.SubjectId,
            Gallery = record.Key.Gallery,
            EnrolledAt = Timestamp.FromDateTimeOffset(record.EnrolledAt),
            Fingers = { fingers.Select(f => (FingerPosition)f.Position) },
            HasFace = recordFace is not null,
            FaceModelId = recordFace?.ModelId ?? "",
            Quality = { fingers.Select(f => new SampleQuality { Sample = $"finger {f.Position}", Score = (uint)f.Quality, Usable = true }) },
        };
        if (recordFace is { } face)
        {
            response.Quality.Add(new SampleQuality { Sample = "face", Score = (uint)face.Quality, Usable = true });
        }
        return Task.FromResult(response);
    }

    public override Task<GetStatsResponse> GetStats(GetStatsRequest request, ServerCallContext context)
    {
        var index = registry.Index;
        return Task.FromResult(new GetStatsResponse
        {
            Subjects = (ulong)index.Count,
            FingerprintTemplates = (ulong)index.SampleCount(Modality.Fingerprint),
            FaceEmbeddings = (ulong)index.SampleCount(Modality.Face),
            Galleries = { index.Galleries.Order(StringComparer.Ordinal).Select(g => new GalleryStats { Gallery = g, Subjects = (ulong)index.CountIn(g) }) },
            Shards = (uint)index.ShardCount,
            MemoryBytes = (ulong)index.MemoryBytes,
            FaceModelId = faces.EmbeddingModelIdOrEmpty,
        });
    }

    private static SubjectKey KeyOf(string gallery, string subjectId) =>
        new(RequestValidation.Gallery(gallery, "gallery"), RequestValidation.SubjectId(subjectId, "subject_id"));

    private static double? RequestedRate(SearchOptions? search) =>
        search is { HasTargetFalsePositiveIdentificationRate: true } ? search.TargetFalsePositiveIdentificationRate : null;

    /// <summary>Fingers first, then the face: the order a record read back from the log lists them in.</summary>
    private static SubjectSamples SamplesOf(ReadSamples samples)
    {
        var enrolled = new List<EnrolledSample>(samples.Fingers);
        if (samples.Face is { } face)
        {
            enrolled.Add(new EnrolledFace(face.ModelId, face.Embedding, face.Quality));
        }
        return new SubjectSamples(enrolled);
    }

    /// <summary>The answer without timings, which belong to each call; a retry gets exactly this.</summary>
    private static EnrollResponse Answer(EnrollmentDecision decision, IReadOnlyList<SampleQuality> quality) => new()
    {
        Outcome = decision.Outcome switch
        {
            EnrollmentOutcome.DuplicateFound => EnrollOutcome.DuplicateFound,
            EnrollmentOutcome.EnrolledWithCandidates => EnrollOutcome.EnrolledWithCandidates,
            _ => EnrollOutcome.Enrolled,
        },
        Threshold = decision.Threshold,
        Candidates = { decision.Candidates.Select(c => c.ToContract()) },
        Quality = { quality },
    };

    private static Contracts.V1.Timings Timings(StageTimings timings) => new()
    {
        ExtractUs = (ulong)timings.Extract.TotalMicroseconds,
        SearchUs = (ulong)Math.Max(0, timings.Search.TotalMicroseconds),
        PersistUs = (ulong)Math.Max(0, timings.Persist.TotalMicroseconds),
        TotalUs = (ulong)timings.Total.TotalMicroseconds,
    };
}
