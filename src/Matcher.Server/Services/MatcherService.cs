using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Core.Scoring;
using Matcher.Gallery.Search;
using Matcher.Gallery.Subjects;
using Matcher.Server.Errors;
using Matcher.Server.Hosting;
using Matcher.Server.Requests;
using Matcher.Server.Samples;
using Matcher.Server.Subjects;
using Microsoft.Extensions.Options;
using static Matcher.Contracts.V1.Matcher;

namespace Matcher.Server.Services;

/// <summary>Enrollment with duplicate check, verification, identification and subject management.</summary>
internal sealed class MatcherService(
    SubjectStore store,
    SamplesReader samplesReader,
    GalleryLocks galleryLocks,
    EnrollmentRequests enrollmentRequests,
    IOptions<ServerOptions> serverOptions,
    ILogger<MatcherService> logger) : MatcherBase
{
    private readonly ServerOptions _options = serverOptions.Value;

    public override async Task<EnrollResponse> Enroll(EnrollRequest request, ServerCallContext context)
    {
        var total = Stopwatch.StartNew();
        var key = new SubjectKey(RequestValidation.Gallery(request.Gallery, "gallery"), RequestValidation.SubjectId(request.SubjectId, "subject_id"));
        if (request.RequestId.Length == 0)
        {
            return await EnrollOnceAsync(request, key, null, total, context.CancellationToken);
        }
        var requestId = RequestValidation.RequestId(request.RequestId, "request_id");
        using (await enrollmentRequests.LockAsync(requestId, context.CancellationToken))
        {
            if (await enrollmentRequests.FindAsync(requestId, key) is { } original)
            {
                original.Timings = Timings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, total.Elapsed);
                logger.LogInformation("Enroll {Gallery}/{SubjectId}: retry of request {RequestId}, original answer {Outcome} returned",
                    key.Gallery, key.SubjectId, requestId, original.Outcome);
                return original;
            }
            return await EnrollOnceAsync(request, key, requestId, total, context.CancellationToken);
        }
    }

    /// <summary>
    /// The enrollment itself. With a request id, the answer is logged with it (in the same record as the enrollment),
    /// without the timings, which belong to each call.
    /// </summary>
    private async Task<EnrollResponse> EnrollOnceAsync(EnrollRequest request, SubjectKey key, string? requestId, Stopwatch total, CancellationToken cancellation)
    {
        var mode = request.DedupMode switch
        {
            DedupMode.Unspecified => DedupMode.InsertIfUnique,
            DedupMode.InsertOnly or DedupMode.InsertIfUnique or DedupMode.InsertAndReport => request.DedupMode,
            _ => throw new InvalidRequestException("dedup_mode", $"Dedup mode {(int)request.DedupMode} is not known."),
        };
        var maxCandidates = RequestValidation.MaxCandidates(request.Search?.MaxCandidates ?? 0, _options.DefaultMaxCandidates, "search.max_candidates");
        var identificationRate = RequestValidation.Rate(RequestedRate(request.Search),
            _options.TargetFalsePositiveIdentificationRate, "search.target_false_positive_identification_rate");
        if (store.Index.Get(key) is not null)
        {
            throw SubjectExists(key);
        }

        var samples = samplesReader.Read(request.Samples, "samples", cancellation);
        var extracted = total.Elapsed;
        var response = new EnrollResponse { Quality = { samples.Quality } };
        RequestIdRecord? requestRecord = null;
        TimeSpan searched, persisted;
        using (await galleryLocks.AcquireAsync(key.Gallery, cancellation))
        {
            // Checked again under the lock: another station may have taken the id meanwhile.
            if (store.Index.Get(key) is not null)
            {
                throw SubjectExists(key);
            }
            response.Threshold = DecisionThreshold.ForIdentification(identificationRate, Math.Max(1, store.Index.CountIn(key.Gallery)));
            IReadOnlyList<Gallery.Search.Candidate> candidates = [];
            if (mode != DedupMode.InsertOnly)
            {
                var scope = new SearchScope(Galleries: new HashSet<string>(StringComparer.Ordinal) { key.Gallery });
                candidates = store.Index.Search(ProbeOf(samples), scope, maxCandidates, response.Threshold, cancellation);
            }
            response.Candidates.AddRange(candidates.Select(c => c.ToContract()));
            searched = total.Elapsed;
            var inserts = mode != DedupMode.InsertIfUnique || candidates.Count == 0;
            response.Outcome = !inserts ? EnrollOutcome.DuplicateFound
                : candidates.Count > 0 ? EnrollOutcome.EnrolledWithCandidates
                : EnrollOutcome.Enrolled;
            requestRecord = requestId is null ? null : enrollmentRequests.Record(requestId, key, response);
            if (inserts)
            {
                await store.AddAsync(RecordOf(key, samples), requestRecord, CancellationToken.None);
            }
            else if (requestRecord is not null)
            {
                await store.RecordOutcomeAsync(requestRecord, CancellationToken.None);
            }
            persisted = total.Elapsed;
        }
        if (requestRecord is not null)
        {
            enrollmentRequests.Publish(requestRecord);
        }
        response.Timings = Timings(extracted, searched - extracted, persisted - searched, total.Elapsed);
        logger.LogInformation("Enroll {Gallery}/{SubjectId}: {Outcome}, {Candidates} candidates, {Milliseconds} ms",
            key.Gallery, key.SubjectId, response.Outcome, response.Candidates.Count, total.ElapsedMilliseconds);
        return response;
    }

    public override Task<VerifyResponse> Verify(VerifyRequest request, ServerCallContext context)
    {
        var total = Stopwatch.StartNew();
        var key = new SubjectKey(RequestValidation.Gallery(request.Gallery, "gallery"), RequestValidation.SubjectId(request.SubjectId, "subject_id"));
        var rate = RequestValidation.Rate(request.HasTargetFalseMatchRate ? request.TargetFalseMatchRate : null, _options.TargetFalseMatchRate, "target_false_match_rate");
        if (store.Index.Get(key) is null)
        {
            throw SubjectMissing(key);
        }
        var samples = samplesReader.Read(request.Samples, "samples", context.CancellationToken);
        var extracted = total.Elapsed;
        var scope = new SearchScope(new HashSet<string>(StringComparer.Ordinal) { key.Gallery }, new HashSet<string>(StringComparer.Ordinal) { key.SubjectId });
        var result = store.Index.Search(ProbeOf(samples), scope, 1, 0, context.CancellationToken).FirstOrDefault()
            ?? throw RequestFailedException.FailedPrecondition("verify.nothing_to_compare",
                $"Subject {key} has no enrolled sample of the kinds sent (same finger positions or a face); nothing could be compared.");
        var threshold = DecisionThreshold.ForVerification(rate);
        var response = new VerifyResponse
        {
            Match = result.Score >= threshold,
            Result = result.ToContract(),
            Threshold = threshold,
            Quality = { samples.Quality },
            Timings = Timings(extracted, total.Elapsed - extracted, TimeSpan.Zero, total.Elapsed),
        };
        logger.LogInformation("Verify {Gallery}/{SubjectId}: match {Match}", key.Gallery, key.SubjectId, response.Match);
        return Task.FromResult(response);
    }

    public override Task<IdentifyResponse> Identify(IdentifyRequest request, ServerCallContext context)
    {
        var total = Stopwatch.StartNew();
        var galleries = request.Galleries.Count == 0 ? null
            : request.Galleries.Select((g, i) => RequestValidation.Gallery(g, $"galleries[{i}]")).ToHashSet(StringComparer.Ordinal);
        var subjects = request.SubjectIds.Count == 0 ? null
            : request.SubjectIds.Select((s, i) => RequestValidation.SubjectId(s, $"subject_ids[{i}]")).ToHashSet(StringComparer.Ordinal);
        var maxCandidates = RequestValidation.MaxCandidates(request.Search?.MaxCandidates ?? 0, _options.DefaultMaxCandidates, "search.max_candidates");
        var rate = RequestValidation.Rate(RequestedRate(request.Search),
            _options.TargetFalsePositiveIdentificationRate, "search.target_false_positive_identification_rate");
        var samples = samplesReader.Read(request.Samples, "samples", context.CancellationToken);
        var extracted = total.Elapsed;

        var scope = new SearchScope(galleries, subjects);
        var searchedSubjects = store.Index.CountIn(scope);
        var threshold = DecisionThreshold.ForIdentification(rate, Math.Max(1, searchedSubjects));
        var candidates = store.Index.Search(ProbeOf(samples), scope, maxCandidates, threshold, context.CancellationToken);
        var response = new IdentifyResponse
        {
            Candidates = { candidates.Select(c => c.ToContract()) },
            Threshold = threshold,
            SearchedSubjects = (ulong)searchedSubjects,
            Quality = { samples.Quality },
            Timings = Timings(extracted, total.Elapsed - extracted, TimeSpan.Zero, total.Elapsed),
        };
        logger.LogInformation("Identify over {Subjects} subjects: {Candidates} candidates, {Milliseconds} ms",
            searchedSubjects, response.Candidates.Count, total.ElapsedMilliseconds);
        return Task.FromResult(response);
    }

    public override async Task<DeleteResponse> Delete(DeleteRequest request, ServerCallContext context)
    {
        var key = new SubjectKey(RequestValidation.Gallery(request.Gallery, "gallery"), RequestValidation.SubjectId(request.SubjectId, "subject_id"));
        using (await galleryLocks.AcquireAsync(key.Gallery, context.CancellationToken))
        {
            if (!await store.RemoveAsync(key, CancellationToken.None))
            {
                throw SubjectMissing(key);
            }
        }
        logger.LogInformation("Deleted {Gallery}/{SubjectId}", key.Gallery, key.SubjectId);
        return new DeleteResponse();
    }

    public override Task<GetSubjectResponse> GetSubject(GetSubjectRequest request, ServerCallContext context)
    {
        var key = new SubjectKey(RequestValidation.Gallery(request.Gallery, "gallery"), RequestValidation.SubjectId(request.SubjectId, "subject_id"));
        var record = store.Index.Get(key) ?? throw SubjectMissing(key);
        var response = new GetSubjectResponse
        {
            SubjectId = key.SubjectId,
            Gallery = key.Gallery,
            EnrolledAt = Timestamp.FromDateTimeOffset(record.EnrolledAt),
            Fingers = { record.Fingers.Select(f => (FingerPosition)f.Position) },
            HasFace = record.Face is not null,
            FaceModelId = record.Face?.ModelId ?? "",
            Quality = { record.Fingers.Select(f => new SampleQuality { Sample = $"finger {f.Position}", Score = (uint)f.Quality, Usable = true }) },
        };
        if (record.Face is { } face)
        {
            response.Quality.Add(new SampleQuality { Sample = "face", Score = (uint)face.Quality, Usable = true });
        }
        return Task.FromResult(response);
    }

    public override Task<GetStatsResponse> GetStats(GetStatsRequest request, ServerCallContext context)
    {
        var index = store.Index;
        return Task.FromResult(new GetStatsResponse
        {
            Subjects = (ulong)index.Count,
            FingerprintTemplates = (ulong)index.FingerCount,
            FaceEmbeddings = (ulong)index.FaceCount,
            Galleries = { index.Galleries.Order(StringComparer.Ordinal).Select(g => new GalleryStats { Gallery = g, Subjects = (ulong)index.CountIn(g) }) },
            Shards = (uint)index.ShardCount,
            MemoryBytes = (ulong)index.MemoryBytes,
        });
    }

    private static double? RequestedRate(SearchOptions? search) =>
        search is { HasTargetFalsePositiveIdentificationRate: true } ? search.TargetFalsePositiveIdentificationRate : null;

    private static SearchProbe ProbeOf(ReadSamples samples) =>
        new(samples.Fingers.Select(f => (f.Position, f.Template)), samples.Face?.ModelId, samples.Face?.Embedding);

    private static SubjectRecord RecordOf(SubjectKey key, ReadSamples samples) => new(
        key,
        samples.Fingers.Select(f => new EnrolledFinger(f.Position, f.Template, f.Quality)).ToList(),
        samples.Face is { } face ? new EnrolledFace(face.ModelId, face.Embedding, face.Quality) : null,
        DateTimeOffset.UtcNow);

    private static Contracts.V1.Timings Timings(TimeSpan extract, TimeSpan search, TimeSpan persist, TimeSpan total) => new()
    {
        ExtractUs = (ulong)extract.TotalMicroseconds,
        SearchUs = (ulong)Math.Max(0, search.TotalMicroseconds),
        PersistUs = (ulong)Math.Max(0, persist.TotalMicroseconds),
        TotalUs = (ulong)total.TotalMicroseconds,
    };

    private static RequestFailedException SubjectExists(SubjectKey key) =>
        RequestFailedException.AlreadyExists("subject.already_exists", $"Subject '{key.SubjectId}' is already enrolled in gallery '{key.Gallery}'.");

    private static RequestFailedException SubjectMissing(SubjectKey key) =>
        RequestFailedException.NotFound("subject.not_found", $"Subject '{key.SubjectId}' is not enrolled in gallery '{key.Gallery}'.");
}
