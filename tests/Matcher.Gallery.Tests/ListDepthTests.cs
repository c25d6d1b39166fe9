using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery.Search;
using Matcher.Population;
using Xunit;

namespace Matcher.Gallery.Tests;

/// <summary>
/// How many subjects the cascade compares fully, per shard: the deepest penetration the probe's modalities ask, unless
/// one keeps every mate alone. Ten fingers ask for 0.02 % and do; a face asks for 0.1 % and four fingers for 1 %.
/// </summary>
public sealed class ListDepthTests
{
    private const int Subjects = 10_000;
    private const int Shards = 2;

    [Fact]
    public void Ten_fingers_set_the_list_depth_beside_a_face_and_four_fingers_do_not()
    {
        var generator = PopulationGenerator.Create(seed: 31);
        using var index = new SubjectIndex(GalleryFixtures.Options(Shards) with { MinimumShortlistPerShard = 1, ContinuationScore = 0 });
        Parallel.For(0, Subjects, i =>
        {
            var subject = generator.Generate(i);
            index.Add(new SubjectRecord(new SubjectKey("citizens", subject.SubjectId),
                [.. subject.Fingers.Select(f => new EnrolledFinger(f.Position, f.Template, 60)), new EnrolledFace("model-a", subject.FaceEmbedding!, 80)],
                DateTimeOffset.UnixEpoch));
        });
        var probe = index.Get(new SubjectKey("citizens", PopulationGenerator.SubjectIdOf(7)))!.Samples;
        var perShard = Subjects / Shards;

        var tenFingersAndFace = ComparedFor(index, probe);
        var faceOnly = ComparedFor(index, [.. probe.OfType<EnrolledFace>()]);
        var fourFingersAndFace = ComparedFor(index, [.. probe.Where(s => s is EnrolledFace or EnrolledFinger { Position: <= 4 })]);

        Assert.Equal(Shards * (int)Math.Ceiling(0.0002 * perShard), tenFingersAndFace);
        Assert.Equal(Shards * (int)Math.Ceiling(0.001 * perShard), faceOnly);
        Assert.Equal(Shards * (int)Math.Ceiling(0.01 * perShard), fourFingersAndFace);
    }

    private static long ComparedFor(SubjectIndex index, IReadOnlyList<EnrolledSample> probe)
    {
        var effort = new SearchEffort();
        var found = index.Search(index.Prepare(probe), SearchScope.Everything, 10, threshold: 0, effort, TestContext.Current.CancellationToken);
        Assert.Equal(PopulationGenerator.SubjectIdOf(7), found[0].Key.SubjectId);
        return effort.Comparisons;
    }
}
