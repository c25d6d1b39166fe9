using Google.Protobuf;
using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Fingerprint.Templates;
using TemplateFormat = Matcher.Fingerprint.Templates.TemplateFormat;
using Matcher.Population;

namespace Matcher.Load.Planting;

/// <summary>
/// A gallery of synthetic subjects 0 .. N-1 of one seed (<see cref="PopulationGenerator.SubjectIdOf"/>), each a planted
/// mate: the load test knows every subject's samples, so it can make another capture of any of them and check that
/// the service names that subject. Also makes applicants the gallery has never seen, from a seed of their own.
/// </summary>
public sealed class PlantedGallery
{
    /// <summary>Subjects per ImportSubjects call: each call's subjects are on the service's disk when it answers.</summary>
    private const int ImportCallSubjects = 10_000;

    /// <summary>Subjects generated at once on every core before they are streamed.</summary>
    private const int GenerateBatch = 1024;

    private const ulong FreshPurpose = 7;

    private readonly PopulationGenerator _generator;
    private readonly PopulationGenerator _fresh;

    /// <param name="faceModelId">The service's face model; empty when it has none, and then no subject has a face.</param>
    /// <param name="runTag">Makes this run's new applicants differ from every other run's on the same service.</param>
    /// <param name="real">Real fingers planted after the synthetic subjects (indices N .. N + R - 1), or null.</param>
    public PlantedGallery(string gallery, long subjects, ulong seed, string faceModelId, ulong runTag, RealMates? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subjects, 1);
        Gallery = gallery;
        Subjects = subjects;
        Seed = seed;
        FaceModelId = faceModelId;
        Real = real;
        _generator = faceModelId.Length == 0 ? new PopulationGenerator(seed, null, "") : PopulationGenerator.Create(seed, faceModelId);
        _fresh = new PopulationGenerator(SeedMix.Derive(seed, runTag, FreshPurpose), _generator.Faces, _generator.FaceModelId);
    }

    public string Gallery { get; }

    /// <summary>Synthetic planted subjects; the real ones follow them.</summary>
    public long Subjects { get; }

    public RealMates? Real { get; }

    /// <summary>Every planted subject, synthetic and real.</summary>
    public long PlantedCount => Subjects + (Real?.Count ?? 0);

    public ulong Seed { get; }

    public string FaceModelId { get; }

    public bool HasFaces => FaceModelId.Length > 0;

    public static string SubjectIdOf(long index) => PopulationGenerator.SubjectIdOf(index);

    /// <summary>The id of planted subject <paramref name="index"/>, synthetic or real.</summary>
    public string IdOf(long index) => index < Subjects ? SubjectIdOf(index) : Real!.SubjectIdOf((int)(index - Subjects));

    /// <summary>
    /// Another capture of planted subject <paramref name="index"/>: the given finger positions and, when asked, the
    /// face; for a real finger, another impression of it as an image.
    /// </summary>
    public Samples Recapture(long index, IReadOnlyList<int> positions, bool face, ulong seed)
    {
        if (index >= Subjects)
        {
            return Real!.Probe((int)(index - Subjects), seed);
        }
        var subject = _generator.Generate(index);
        var samples = new Samples();
        foreach (var position in positions)
        {
            var recaptured = FingerRecapture.Of(subject.Finger(position), SeedMix.Derive(seed, (ulong)position, 1));
            samples.Fingerprints.Add(Template(position, recaptured));
        }
        if (face && subject.FaceEmbedding is { } embedding)
        {
            samples.Face = Face(FaceRecapture.Of(embedding, SeedMix.Derive(seed, 0, 2)));
        }
        return samples;
    }

    /// <summary>An applicant who is in no gallery: new synthetic fingers and face, the same sample kinds as a probe.</summary>
    public Samples Applicant(long number, IReadOnlyList<int> positions, bool face)
    {
        var subject = _fresh.Generate(number);
        var samples = new Samples();
        foreach (var position in positions)
        {
            samples.Fingerprints.Add(Template(position, subject.Finger(position)));
        }
        if (face && subject.FaceEmbedding is { } embedding)
        {
            samples.Face = Face(embedding);
        }
        return samples;
    }

    /// <summary>
    /// Streams subjects 0 .. N-1 (ten fingers and a face each) to the bulk import, generated on every core a batch
    /// ahead of the stream. Idempotent: subjects already there count as already present.
    /// </summary>
    public async Task<ImportCounts> ImportAsync(Contracts.V1.Matcher.MatcherClient client, TimeSpan callDeadline,
        IProgress<long>? progress, CancellationToken cancellation)
    {
        var counts = new ImportCounts(0, 0, 0);
        for (long start = 0; start < Subjects; start += ImportCallSubjects)
        {
            var end = Math.Min(Subjects, start + ImportCallSubjects);
            using var call = client.ImportSubjects(deadline: DateTime.UtcNow + callDeadline, cancellationToken: cancellation);
            for (var batchStart = start; batchStart < end; batchStart += GenerateBatch)
            {
                var size = (int)Math.Min(GenerateBatch, end - batchStart);
                var batch = new ImportSubjectRequest[size];
                var first = batchStart;
                Parallel.For(0, size, new ParallelOptions { CancellationToken = cancellation }, i => batch[i] = ImportRequest(first + i));
                foreach (var request in batch)
                {
                    await call.RequestStream.WriteAsync(request, cancellation);
                }
                progress?.Report(batchStart + size);
            }
            await call.RequestStream.CompleteAsync();
            counts = Added(counts, await call.ResponseAsync);
        }
        if (Real is { } real)
        {
            using var call = client.ImportSubjects(deadline: DateTime.UtcNow + callDeadline, cancellationToken: cancellation);
            for (var finger = 0; finger < real.Count; finger++)
            {
                await call.RequestStream.WriteAsync(
                    new ImportSubjectRequest { SubjectId = real.SubjectIdOf(finger), Gallery = Gallery, Samples = real.Enrolled(finger) }, cancellation);
            }
            await call.RequestStream.CompleteAsync();
            counts = Added(counts, await call.ResponseAsync);
        }
        return counts;
    }

    private static ImportCounts Added(ImportCounts counts, ImportSubjectsResponse answer)
    {
        if (answer.Failures.Count > 0)
        {
            var failure = answer.Failures[0];
            throw new RpcException(new Status((StatusCode)failure.Code,
                $"The gallery could not be preloaded: subject '{failure.SubjectId}' failed with {failure.Reason}: {failure.Message}"));
        }
        return new ImportCounts(counts.Imported + (long)answer.Imported, counts.AlreadyPresent + (long)answer.AlreadyPresent,
            counts.Failed + (long)answer.Failed);
    }

    private ImportSubjectRequest ImportRequest(long index)
    {
        var subject = _generator.Generate(index);
        var samples = new Samples();
        foreach (var finger in subject.Fingers)
        {
            samples.Fingerprints.Add(Template(finger.Position, finger.Template));
        }
        if (subject.FaceEmbedding is { } embedding)
        {
            samples.Face = Face(embedding);
        }
        return new ImportSubjectRequest { SubjectId = subject.SubjectId, Gallery = Gallery, Samples = samples };
    }

    private static FingerprintSample Template(int position, FingerprintTemplate template) => new()
    {
        Position = (FingerPosition)position,
        Template = new FingerprintTemplateData
        {
            Data = ByteString.CopyFrom(TemplateCodecs.Export(template, TemplateFormat.Iso19794_2_2005, position)),
            Format = Contracts.V1.TemplateFormat.Iso1979422005,
        },
    };

    private FaceSample Face(float[] embedding) =>
        new() { Embedding = new FaceEmbedding { ModelId = FaceModelId, Values = { embedding } } };
}

public sealed record ImportCounts(long Imported, long AlreadyPresent, long Failed);
