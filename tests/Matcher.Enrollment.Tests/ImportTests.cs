using System.Runtime.CompilerServices;
using Matcher.Core.Errors;
using Matcher.Core.Subjects;
using Matcher.Enrollment.Import;
using Matcher.Face.Indexing;
using Matcher.Testing;
using Xunit;

namespace Matcher.Enrollment.Tests;

/// <summary>The import core: batching, idempotence, failures that change nothing, backpressure, cancellation and durability.</summary>
public sealed class ImportTests
{
    private const string Gallery = "imported";

    /// <summary>Far longer than any of these imports takes; only a hung import waits this long.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static ImportItem Item(long index, string subjectId, int person) =>
        Item(index, subjectId, _ => CoreFixture.Person(person));

    private static ImportItem Item(long index, string subjectId, Func<CancellationToken, SubjectSamples> read) =>
        new(index, subjectId, Gallery, cancellation => new ImportSubject(new SubjectKey(Gallery, subjectId), read(cancellation), null));

    private static async IAsyncEnumerable<ImportItem> Stream(IEnumerable<ImportItem> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static IEnumerable<ImportItem> People(int count) => Enumerable.Range(0, count).Select(n => Item(n, $"S{n:D5}", n));

    private static Task<ImportReport> ImportAsync(CoreFixture core, IEnumerable<ImportItem> items, ImportOptions? options = null) =>
        core.Registry.ImportAsync(Stream(items), [], options ?? ImportOptions.Default, Cancellation);

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Waited {Patience.TotalMinutes} minutes for {what}.");
            await Task.Delay(5, Cancellation);
        }
    }

    [Fact]
    public async Task BatchesShareFsyncsAndEverythingImportedSurvivesAReopen()
    {
        await using var core = CoreFixture.Open();

        // Every subject ready at once, as a bulk file is: a stream that yields between subjects lets the importer, which
        // takes what has arrived, stage them one by one on a busy machine, and batching could then not be seen.
        var report = await core.Registry.ImportAsync(People(1000).ToAsyncEnumerable(), [], new ImportOptions(BatchSize: 64), Cancellation);

        Assert.Equal((1000, 0, 0), (report.Imported, report.AlreadyPresent, report.Failed));
        Assert.True(core.Core.Store.LogCommits < 500, $"{core.Core.Store.LogCommits} fsyncs for 1000 subjects staged in batches of 64.");
        await core.ReopenAsync();
        Assert.Equal(1000, core.Index.CountIn(Gallery));
        var face = (EnrolledFace)core.Registry.Get(new SubjectKey(Gallery, "S00777")).Samples.Single();
        Assert.Equal(((EnrolledFace)CoreFixture.Person(777).Samples.Single()).Embedding, face.Embedding);
    }

    [Fact]
    public async Task SnapshotsTakenDuringAnImportHoldEveryBatchTheyCover()
    {
        await using var core = CoreFixture.Open(snapshotEveryRecords: 100);

        Assert.Equal(700, (await ImportAsync(core, People(700), new ImportOptions(BatchSize: 48))).Imported);

        await core.ReopenAsync();
        Assert.True(core.Core.Store.Recovery.SnapshotSequence > 0, "No snapshot was written during the import.");
        Assert.Equal(700, core.Index.CountIn(Gallery));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    public async Task AnIdSentAgainIsPresentWithItsSamplesAndRefusedWithOthers(int batchSize)
    {
        await using var core = CoreFixture.Open();

        var report = await ImportAsync(core, [Item(0, "A", 1), Item(1, "A", 1), Item(2, "A", 2), Item(3, "B", 3)], new ImportOptions(BatchSize: batchSize));

        Assert.Equal((2, 1, 1), (report.Imported, report.AlreadyPresent, report.Failed));
        var failure = report.Failures.Single();
        Assert.Equal((2, "A"), (failure.Index, failure.SubjectId));
        var refused = Assert.IsType<RequestRefusedException>(failure.Error);
        Assert.Equal((Refusal.AlreadyExists, "subject.exists_with_other_samples"), (refused.Refusal, refused.Reason));
        var kept = (EnrolledFace)core.Registry.Get(new SubjectKey(Gallery, "A")).Samples.Single();
        Assert.Equal(((EnrolledFace)CoreFixture.Person(1).Samples.Single()).Embedding, kept.Embedding);
    }

    [Fact]
    public async Task SubjectsThatCannotBeReadFailAloneAndOnlyTheFirstAreListed()
    {
        await using var core = CoreFixture.Open();
        var items = Enumerable.Range(0, 20).Select(n => n % 2 == 0
            ? Item(n, $"S{n}", n)
            : Item(n, $"S{n}", _ => throw BiometricInputException.Invalid("template.truncated", $"Subject {n} is unreadable.")));

        var report = await ImportAsync(core, items, new ImportOptions(BatchSize: 8, MaxFailuresListed: 3));

        Assert.Equal((10, 10), (report.Imported, report.Failed));
        Assert.Equal([1L, 3L, 5L], report.Failures.Select(f => f.Index));
        Assert.Equal(10, core.Index.CountIn(Gallery));
        Assert.Null(core.Index.Get(new SubjectKey(Gallery, "S1")));
    }

    [Fact]
    public async Task ASubjectTheIndexRefusesIsNeitherIndexedNorLogged()
    {
        await using var core = CoreFixture.Open();
        var otherDimension = new SubjectSamples([new EnrolledFace("synthetic", TestSamples.UnitVector(new Random(5), 256), 90)]);

        // Ten faces put every shard's face index at 512 dimensions first.
        await ImportAsync(core, People(10));

        var report = await ImportAsync(core, [Item(0, "A", 11), Item(1, "B", _ => otherDimension), Item(2, "C", 13)]);

        Assert.Equal((2, 1), (report.Imported, report.Failed));
        Assert.Equal("sample.not_indexable", Assert.IsType<BiometricInputException>(report.Failures.Single().Error).ReasonCode);
        await core.ReopenAsync();
        Assert.Equal(12, core.Index.CountIn(Gallery));
        Assert.Null(core.Index.Get(new SubjectKey(Gallery, "B")));
    }

    [Fact]
    public async Task TheStreamIsReadOnlyAsFastAsItIsStoredAndACancelledImportStops()
    {
        await using var core = CoreFixture.Open();
        const int batchSize = 16;
        var pulled = 0;
        using var stuck = new ManualResetEventSlim(false);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        async IAsyncEnumerable<ImportItem> Endless()
        {
            for (var n = 0; ; n++)
            {
                await Task.Yield();
                Interlocked.Increment(ref pulled);
                yield return Item(n, $"S{n}", reading =>
                {
                    stuck.Wait(reading);
                    return CoreFixture.Person(n);
                });
            }
        }

        // On the pool: a batch that is complete at once is read before ImportAsync first yields, and that reading blocks.
        var import = Task.Run(() => core.Registry.ImportAsync(Endless(), [], new ImportOptions(BatchSize: batchSize), cancel.Token), Cancellation);
        int pulledWhileStuck;
        try
        {
            // One batch waits in reading, a queue of one batch is full, the receiver holds the next subject.
            await WaitUntil(() => Volatile.Read(ref pulled) >= batchSize + 2, "the queue to fill");
            await Task.Delay(100, Cancellation);
            pulledWhileStuck = Volatile.Read(ref pulled);
        }
        finally
        {
            // Whatever the wait found, the stuck reading must end, or disposing the core would wait for it forever.
            await cancel.CancelAsync();
        }
        Assert.InRange(pulledWhileStuck, batchSize + 2, 2 * batchSize + 1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import);
        Assert.Equal(0, core.Index.CountIn(Gallery));
    }

    [Fact]
    public async Task WhatACancelledImportStagedIsOnDisk()
    {
        await using var core = CoreFixture.Open();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        async IAsyncEnumerable<ImportItem> HundredThenSilence([EnumeratorCancellation] CancellationToken cancellation = default)
        {
            foreach (var item in People(100))
            {
                yield return item;
            }
            await Task.Delay(Timeout.Infinite, cancellation);
        }

        var import = core.Registry.ImportAsync(HundredThenSilence(Cancellation), [], new ImportOptions(BatchSize: 32), cancel.Token);
        await WaitUntil(() => core.Index.CountIn(Gallery) == 100, "the hundred subjects to be staged");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import);

        await core.ReopenAsync();
        Assert.Equal(100, core.Index.CountIn(Gallery));
    }

    [Fact]
    public async Task AnImportAndEnrollmentsOfTheSameIdsEndWithEachIdOnce()
    {
        await using var core = CoreFixture.Open();
        const int subjects = 200;

        var import = ImportAsync(core, People(subjects), new ImportOptions(BatchSize: 8));
        var enrollments = Enumerable.Range(0, subjects).Select(async n =>
        {
            try
            {
                await core.EnrollAsync(CoreFixture.Command(Gallery, $"S{n:D5}", EnrollmentMode.InsertOnly), n);
                return 1;
            }
            catch (RequestRefusedException e) when (e.Reason == "subject.already_exists")
            {
                return 0;
            }
        }).ToList();
        var report = await import;
        var enrolled = (await Task.WhenAll(enrollments)).Sum();

        Assert.Equal(0, report.Failed);
        Assert.Equal(subjects, report.Imported + report.AlreadyPresent);
        Assert.Equal(subjects, report.Imported + enrolled);
        Assert.Equal(subjects, core.Index.CountIn(Gallery));
    }
}
