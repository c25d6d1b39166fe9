using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Gallery;
using Matcher.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Enrollment.Tests;

/// <summary>
/// A real enrollment core on a temporary data directory. Subjects are face-only: a seeded unit-length 512-d vector per
/// person, scored as 100 x cosine, so the same person scores 100 (far above any threshold) and two people score near 0
/// (cosines of random 512-d vectors spread by 0.044, so no pair of a few hundred comes near a threshold);
/// the protocol under test does not depend on the modality.
/// </summary>
internal sealed class CoreFixture : IAsyncDisposable
{
    private const int Dimension = 512;

    private CoreFixture(TemporaryDirectory directory, long snapshotEveryRecords, TimeProvider clock)
    {
        Directory = directory;
        SnapshotEveryRecords = snapshotEveryRecords;
        Clock = clock;
        Index = NewIndex();
        Core = EnrollmentCore.Open(Options, Index, clock, NullLoggerFactory.Instance);
    }

    public TemporaryDirectory Directory { get; }

    public long SnapshotEveryRecords { get; }

    public TimeProvider Clock { get; }

    public SubjectIndex Index { get; private set; }

    public EnrollmentCore Core { get; private set; }

    public SubjectRegistry Registry => Core.Registry;

    private EnrollmentOptions Options => new(Directory.Path, SnapshotEveryRecords, TimeSpan.FromHours(1));

    public static CoreFixture Open(long snapshotEveryRecords = 100_000, TimeProvider? clock = null) =>
        new(new TemporaryDirectory(), snapshotEveryRecords, clock ?? TimeProvider.System);

    /// <summary>Closes the core and opens it again on the same data directory, as a restarted node does.</summary>
    public async Task ReopenAsync()
    {
        await Core.DisposeAsync();
        Index.Dispose();
        Index = NewIndex();
        Core = EnrollmentCore.Open(Options, Index, Clock, NullLoggerFactory.Instance);
    }

    public static SubjectSamples Person(int person) =>
        new([new EnrolledFace("synthetic", TestSamples.UnitVector(new Random(person), Dimension), 90)]);

    public static EnrollmentCommand Command(string gallery, string subjectId, EnrollmentMode mode = EnrollmentMode.InsertIfUnique, string? requestId = null) =>
        new(new SubjectKey(gallery, subjectId), mode, 10, 0.01, requestId);

    public Task<EnrollmentResult> EnrollAsync(EnrollmentCommand command, int person) =>
        Registry.EnrollAsync(command, _ => Person(person), decision => [(byte)decision.Outcome, (byte)decision.Candidates.Count], CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Core.DisposeAsync();
        Index.Dispose();
        Directory.Dispose();
    }

    private static SubjectIndex NewIndex() => new(new GalleryOptions { ShardCount = 2, Modalities = [new FaceIndexFactory(cosine => 100 * cosine)] });
}
