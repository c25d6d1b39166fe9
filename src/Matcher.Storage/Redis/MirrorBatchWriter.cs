using StackExchange.Redis;

namespace Matcher.Storage.Redis;

/// <summary>
/// Applies one batch of changes in a single MULTI/EXEC, guarded by the applied sequence: Redis moves from exactly the
/// state the mirror last wrote to the state after the batch, or not at all. A restarted, emptied or foreign-written
/// Redis fails the guard instead of receiving changes on top of the wrong state.
/// </summary>
internal sealed class MirrorBatchWriter(IDatabase database, RedisKeys keys)
{
    public async Task<BatchOutcome> ApplyAsync(IReadOnlyList<MirrorChange> batch, long appliedSequence)
    {
        var transaction = database.CreateTransaction();
        transaction.AddCondition(appliedSequence == 0
            ? Condition.KeyNotExists(keys.AppliedSequence)
            : Condition.StringEqual(keys.AppliedSequence, appliedSequence));
        var pending = new List<Task>();
        foreach (var (gallery, changes) in LastChangePerSubject(batch))
        {
            var key = keys.Subjects(gallery);
            var enrolled = changes.Where(c => !c.IsDelete).Select(c => new HashEntry(c.Subject.SubjectId, c.Payload!.Value)).ToArray();
            var deleted = changes.Where(c => c.IsDelete).Select(c => (RedisValue)c.Subject.SubjectId).ToArray();
            if (enrolled.Length > 0)
            {
                pending.Add(transaction.HashSetAsync(key, enrolled));
                pending.Add(transaction.SetAddAsync(keys.Galleries, gallery));
            }
            if (deleted.Length > 0)
            {
                pending.Add(transaction.HashDeleteAsync(key, deleted));
            }
        }
        var lastSequence = batch[^1].Sequence;
        pending.Add(transaction.StringSetAsync(keys.AppliedSequence, lastSequence));

        bool committed;
        try
        {
            committed = await transaction.ExecuteAsync().ConfigureAwait(false);
        }
        catch
        {
            ObserveFaults(pending);
            throw;
        }
        if (committed)
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
            return BatchOutcome.Applied;
        }
        ObserveFaults(pending);
        // A timed-out earlier attempt of this same batch may have landed after all; then it is applied, not lost.
        var current = await database.StringGetAsync(keys.AppliedSequence).ConfigureAwait(false);
        return current == lastSequence ? BatchOutcome.Applied : BatchOutcome.Diverged;
    }

    /// <summary>
    /// The batch is applied atomically, so only each subject's last change is visible and the others need not be sent:
    /// an enroll, delete and re-enroll of one subject in one batch ends as the re-enroll.
    /// </summary>
    private static IEnumerable<(string Gallery, IEnumerable<MirrorChange> Changes)> LastChangePerSubject(IReadOnlyList<MirrorChange> batch)
    {
        var last = new Dictionary<SubjectAddress, MirrorChange>();
        foreach (var change in batch)
        {
            last[change.Subject] = change;
        }
        return last.Values.GroupBy(c => c.Subject.Gallery, StringComparer.Ordinal).Select(g => (g.Key, g.AsEnumerable()));
    }

    /// <summary>Commands of an aborted transaction fail; nobody awaits them, so their faults are observed here.</summary>
    private static void ObserveFaults(List<Task> tasks)
    {
        foreach (var task in tasks)
        {
            _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
