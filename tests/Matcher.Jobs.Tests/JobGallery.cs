using Matcher.Core.Subjects;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Gallery;
using Matcher.Population;
using Matcher.Testing;

namespace Matcher.Jobs.Tests;

/// <summary>
/// A gallery with known duplicates: synthetic people from the population generator (ten fingers each), and ten real
/// people planted twice (four real FVC2002 fingers each, the SecuGen ISO templates of two different impressions), the
/// first of them three times. Fingers only, so no face model is needed.
/// </summary>
internal static class JobGallery
{
    public const string Name = "legacy";
    public const int SyntheticSubjects = 300;
    public const int RealPeople = 10;
    public const int ShardCount = 2;

    /// <summary>The planted pairs: each real person's enrollments two by two (three pairs for the first, enrolled three times).</summary>
    public static IReadOnlyList<(string First, string Second)> PlantedPairs { get; } =
    [
        .. Enumerable.Range(0, RealPeople).Select(p => (Planted(p, 'a'), Planted(p, 'b'))),
        (Planted(0, 'a'), Planted(0, 'c')),
        (Planted(0, 'b'), Planted(0, 'c')),
    ];

    public static string Planted(int person, char enrollment) => $"person-{person:D2}-{enrollment}";

    public static SubjectIndex Create() =>
        new(new GalleryOptions { ShardCount = ShardCount, Modalities = [new FingerprintIndexFactory()] });

    /// <summary>Every subject of the gallery, enrolled at the Unix epoch.</summary>
    public static IReadOnlyList<SubjectRecord> Records()
    {
        var generator = PopulationGenerator.Create(seed: 31);
        var records = Enumerable.Range(0, SyntheticSubjects)
            .AsParallel().AsOrdered()
            .Select(i => generator.Generate(i))
            .Select(s => Record(s.SubjectId, [.. s.Fingers.Select(f => new EnrolledFinger(f.Position, f.Template, 60))]))
            .ToList();
        for (var person = 0; person < RealPeople; person++)
        {
            var enrollments = person == 0 ? "abc" : "ab";
            for (var e = 0; e < enrollments.Length; e++)
            {
                records.Add(Record(Planted(person, enrollments[e]), RealFingers(person, impression: 1 + e)));
            }
        }
        return records;
    }

    public static SubjectIndex Filled()
    {
        var index = Create();
        foreach (var record in Records())
        {
            index.Add(record);
        }
        return index;
    }

    public static SubjectRecord Record(string subjectId, IReadOnlyList<EnrolledSample> samples) =>
        new(new SubjectKey(Name, subjectId), samples, DateTimeOffset.UnixEpoch);

    /// <summary>Finger 101 + person of each FVC2002 database, at positions 1 to 4.</summary>
    private static List<EnrolledSample> RealFingers(int person, int impression) =>
    [
        .. Enumerable.Range(1, 4).Select(db =>
        {
            var folder = Datasets.Require($"fingerprints/iso19794-2/openafis/fvc2002/DB{db}_B");
            var template = TemplateCodecs.Import(File.ReadAllBytes(Path.Combine(folder, $"{101 + person}_{impression}.iso")))[0].Template;
            return (EnrolledSample)new EnrolledFinger(db, template, 60);
        }),
    ];
}
