namespace Matcher.Redis.Cache;

/// <summary>
/// Changes waiting for Redis, oldest first, with at most one batch handed out at a time. When full it drops the
/// oldest changes and records that Redis now needs a rebuild, which must cover at least the dropped sequences.
/// </summary>
internal sealed class MirrorQueue(int capacity)
{
    private readonly Lock gate = new();
    private readonly Queue<MirrorChange> waiting = new();
    private readonly SemaphoreSlim signal = new(0);
    private List<MirrorChange>? inFlight;
    private long lastEnqueuedSequence;
    private long droppedThroughSequence;
    private bool needsRebuild;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return waiting.Count + (inFlight?.Count ?? 0);
            }
        }
    }

    public bool NeedsRebuild
    {
        get
        {
            lock (gate)
            {
                return needsRebuild;
            }
        }
    }

    public long DroppedThroughSequence
    {
        get
        {
            lock (gate)
            {
                return droppedThroughSequence;
            }
        }
    }

    public void Enqueue(MirrorChange change)
    {
        lock (gate)
        {
            if (change.Sequence <= lastEnqueuedSequence)
            {
                throw new ArgumentException(
                    $"Mirrored changes must follow log order: sequence {change.Sequence} came after {lastEnqueuedSequence}.", nameof(change));
            }
            lastEnqueuedSequence = change.Sequence;
            if (Count >= capacity)
            {
                DropOldest();
            }
            waiting.Enqueue(change);
        }
        Wake();
    }

    /// <summary>The batch being written: the same one again after a failed attempt, so order is kept.</summary>
    public IReadOnlyList<MirrorChange>? CurrentBatch(int maxChanges, int maxBytes)
    {
        lock (gate)
        {
            if (needsRebuild)
            {
                return null;
            }
            if (inFlight is null && waiting.Count > 0)
            {
                inFlight = [];
                long bytes = 0;
                while (waiting.Count > 0 && inFlight.Count < maxChanges && (inFlight.Count == 0 || bytes + waiting.Peek().Size <= maxBytes))
                {
                    var change = waiting.Dequeue();
                    bytes += change.Size;
                    inFlight.Add(change);
                }
            }
            return inFlight;
        }
    }

    public void CompleteBatch()
    {
        lock (gate)
        {
            inFlight = null;
        }
    }

    /// <summary>Redis no longer matches the changes applied so far; only a rebuild from the local log can fix it.</summary>
    public void MarkNeedsRebuild()
    {
        lock (gate)
        {
            needsRebuild = true;
            if (inFlight is { Count: > 0 })
            {
                droppedThroughSequence = Math.Max(droppedThroughSequence, inFlight[^1].Sequence);
            }
            inFlight = null;
        }
    }

    /// <summary>A rebuild wrote everything up to <paramref name="sequence"/>; later changes are still to be written.</summary>
    public void CoveredByRebuild(long sequence)
    {
        lock (gate)
        {
            if (sequence < droppedThroughSequence)
            {
                throw new ArgumentException(
                    $"A rebuild up to sequence {sequence} does not cover the dropped changes up to {droppedThroughSequence}.", nameof(sequence));
            }
            var newer = (inFlight ?? []).Concat(waiting).Where(c => c.Sequence > sequence).ToList();
            inFlight = null;
            waiting.Clear();
            foreach (var change in newer)
            {
                waiting.Enqueue(change);
            }
            needsRebuild = false;
        }
        Wake();
    }

    public Task WaitForChangeAsync(CancellationToken cancellation) => signal.WaitAsync(cancellation);

    /// <summary>Wakes the writer; one pending wake-up is enough however many changes arrive meanwhile.</summary>
    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    private void DropOldest()
    {
        needsRebuild = true;
        if (inFlight is { Count: > 0 })
        {
            MirrorMetrics.Dropped.Add(inFlight.Count);
            droppedThroughSequence = Math.Max(droppedThroughSequence, inFlight[^1].Sequence);
            inFlight = null;
            return;
        }
        MirrorMetrics.Dropped.Add(1);
        droppedThroughSequence = Math.Max(droppedThroughSequence, waiting.Dequeue().Sequence);
    }
}
