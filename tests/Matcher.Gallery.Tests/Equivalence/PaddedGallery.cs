using Matcher.Core.Subjects;
using Matcher.Fingerprint.Indexing;
using Matcher.Population;
using Matcher.Testing;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>
/// Real people (ten FVC fingers each, the CrossMatch people with their own fingers; fingers only, so the test needs
/// no face models) planted among synthetic subjects from the population generator, in a two-shard cascade index
/// whose list is a single percent of a shard. Built once per test class.
/// </summary>
public sealed class PaddedGallery : IDisposable
{
    public const int SyntheticSubjects = 3_000;

    public const int ListPerShard = 16;

    private readonly Lazy<(SubjectIndex Index, IReadOnlyList<RealPerson> People)> _built = new(Build);

    internal (SubjectIndex Index, IReadOnlyList<RealPerson> People) Require() => _built.Value;

    public void Dispose()
    {
        if (_built.IsValueCreated)
        {
            _built.Value.Index.Dispose();
        }
    }

    private static (SubjectIndex, IReadOnlyList<RealPerson>) Build()
    {
        Datasets.Require("fingerprints/neurotech-crossmatch");
        var people = RealMates.Load(Datasets.Root, faces: null, Environment.ProcessorCount);
        var index = new SubjectIndex(new GalleryOptions
        {
            ShardCount = 2,
            MinimumShortlistPerShard = ListPerShard,
            Modalities = [new FingerprintIndexFactory()],
        });
        var generator = PopulationGenerator.Create(seed: 12);
        Parallel.For(0, SyntheticSubjects, i =>
        {
            var synthetic = generator.Generate(i);
            index.Add(new SubjectRecord(new SubjectKey("population", synthetic.SubjectId),
                [.. synthetic.Fingers.Select(f => new EnrolledFinger(f.Position, f.Template, 60))], DateTimeOffset.UnixEpoch));
        });
        foreach (var person in people.Where(p => p.Planted))
        {
            index.Add(person.Record);
        }
        return (index, people);
    }
}
