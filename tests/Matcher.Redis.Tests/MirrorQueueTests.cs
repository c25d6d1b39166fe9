using Matcher.Core.Subjects;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Xunit;

namespace Matcher.Redis.Tests;

public sealed class MirrorQueueTests
{
    [Fact]
    public void A_failed_batch_is_handed_out_again_unchanged_and_batches_respect_the_byte_limit()
    {
        var queue = new MirrorQueue(100);
        for (var sequence = 1; sequence <= 10; sequence++)
        {
            queue.Enqueue(Enrolled(sequence, bytes: 1000));
        }
        var first = queue.CurrentBatch(maxChanges: 8, maxBytes: 3500)!;
        Assert.Equal([1L, 2, 3], first.Select(c => c.Sequence));
        Assert.Same(first, queue.CurrentBatch(8, 3500));
        queue.CompleteBatch();
        Assert.Equal([4L, 5, 6], queue.CurrentBatch(8, 3500)!.Select(c => c.Sequence));
        Assert.Equal(10, queue.Count + 3);
    }

    [Fact]
    public void Overflow_drops_the_oldest_and_a_rebuild_keeps_only_newer_changes_in_order()
    {
        var queue = new MirrorQueue(5);
        for (var sequence = 1; sequence <= 8; sequence++)
        {
            queue.Enqueue(Enrolled(sequence, bytes: 1));
        }
        Assert.True(queue.NeedsRebuild);
        Assert.Equal(3, queue.DroppedThroughSequence);
        Assert.Equal(5, queue.Count);
        Assert.Null(queue.CurrentBatch(10, 1000));

        Assert.Throws<ArgumentException>(() => queue.CoveredByRebuild(2));
        queue.CoveredByRebuild(6);
        Assert.False(queue.NeedsRebuild);
        Assert.Equal([7L, 8], queue.CurrentBatch(10, 1000)!.Select(c => c.Sequence));
    }

    [Fact]
    public void A_rebuild_keeps_the_newer_part_of_a_batch_in_flight()
    {
        var queue = new MirrorQueue(100);
        for (var sequence = 1; sequence <= 6; sequence++)
        {
            queue.Enqueue(Enrolled(sequence, bytes: 1));
        }
        Assert.Equal(4, queue.CurrentBatch(4, 1000)!.Count);
        queue.MarkNeedsRebuild();
        queue.CoveredByRebuild(4);
        Assert.Equal([5L, 6], queue.CurrentBatch(10, 1000)!.Select(c => c.Sequence));
    }

    private static MirrorChange Enrolled(long sequence, int bytes) =>
        new(sequence, new SubjectKey("civil", $"S{sequence}"), new byte[bytes]);
}
