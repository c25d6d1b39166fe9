using Google.Protobuf;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Population;

namespace Matcher.Server.Tests.Jobs;

/// <summary>
/// A legacy gallery for job tests, as a batch operator loads it: synthetic people (ten ISO templates each) and ten real
/// people (four FVC2002 fingers each) imported twice with other impressions, the first of them three times.
/// </summary>
internal static class DedupPopulation
{
    public const int SyntheticSubjects = 200;
    public const int RealPeople = 10;
    public const int Subjects = SyntheticSubjects + RealPeople * 2 + 1;

    public static string Planted(int person, char enrollment) => $"person-{person:D2}-{enrollment}";

    /// <summary>Each real person's enrollments two by two, as unordered "a|b" keys.</summary>
    public static IReadOnlyList<string> PlantedPairs { get; } =
    [
        .. Enumerable.Range(0, RealPeople).Select(p => Key(Planted(p, 'a'), Planted(p, 'b'))),
        Key(Planted(0, 'a'), Planted(0, 'c')),
        Key(Planted(0, 'b'), Planted(0, 'c')),
    ];

    public static string Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? $"{a}|{b}" : $"{b}|{a}";

    public static async Task ImportAsync(Contracts.V1.Matcher.MatcherClient matcher, string gallery, CancellationToken cancellation)
    {
        using var call = matcher.ImportSubjects(cancellationToken: cancellation);
        foreach (var subject in Requests(gallery))
        {
            await call.RequestStream.WriteAsync(subject, cancellation);
        }
        await call.RequestStream.CompleteAsync();
        var imported = await call;
        if (imported.Imported + imported.AlreadyPresent != Subjects)
        {
            throw new InvalidOperationException($"The job population was not imported: {imported}");
        }
    }

    private static IEnumerable<ImportSubjectRequest> Requests(string gallery)
    {
        var generator = PopulationGenerator.Create(seed: 47);
        for (var i = 0; i < SyntheticSubjects; i++)
        {
            var subject = generator.Generate(i).ToPopulationSubject();
            var samples = new Contracts.V1.Samples();
            samples.Fingerprints.AddRange(subject.Fingers.Select(f => new FingerprintSample
            {
                Position = (FingerPosition)f.Position,
                Template = new FingerprintTemplateData { Data = ByteString.CopyFrom(f.IsoTemplate) },
            }));
            yield return new ImportSubjectRequest { Gallery = gallery, SubjectId = subject.SubjectId, Samples = samples };
        }
        for (var person = 0; person < RealPeople; person++)
        {
            var enrollments = person == 0 ? "abc" : "ab";
            for (var e = 0; e < enrollments.Length; e++)
            {
                var samples = Samples.Of([.. Enumerable.Range(1, 4).Select(db => Samples.IsoTemplate($"DB{db}_B", 101 + person, 1 + e, (FingerPosition)db))]);
                yield return new ImportSubjectRequest { Gallery = gallery, SubjectId = Planted(person, enrollments[e]), Samples = samples };
            }
        }
    }

    /// <summary>Every page of a job's results, gathered through the page tokens.</summary>
    public static async Task<(List<CandidatePair> Pairs, List<DuplicateCluster> Clusters)> AllResultsAsync(
        Contracts.V1.Jobs.JobsClient jobs, string jobId, uint pageSize, CancellationToken cancellation)
    {
        var pairs = new List<CandidatePair>();
        var clusters = new List<DuplicateCluster>();
        var token = "";
        do
        {
            var page = await jobs.GetJobResultsAsync(new GetJobResultsRequest { JobId = jobId, PageSize = pageSize, PageToken = token }, cancellationToken: cancellation);
            pairs.AddRange(page.Pairs);
            clusters.AddRange(page.Clusters);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return (pairs, clusters);
    }

    /// <summary>Watches a job until it has ended (bounded by the call's deadline) and returns every status seen.</summary>
    public static async Task<List<JobStatus>> WatchToEndAsync(Contracts.V1.Jobs.JobsClient jobs, string jobId, CancellationToken cancellation,
        Func<JobStatus, bool>? stopEarly = null)
    {
        var seen = new List<JobStatus>();
        using var watch = jobs.WatchJob(new WatchJobRequest { JobId = jobId }, cancellationToken: cancellation);
        await foreach (var status in watch.ResponseStream.ReadAllAsync(cancellation))
        {
            seen.Add(status);
            if (stopEarly?.Invoke(status) == true)
            {
                break;
            }
        }
        return seen;
    }

    public static string Listing(IEnumerable<CandidatePair> pairs) =>
        string.Join("\n", pairs.Select(p => $"{p.Subject.SubjectId}|{p.Other.SubjectId}|{p.Scores.Score}|{p.Cluster}"));
}
