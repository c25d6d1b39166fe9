using Matcher.Redis.Cache;

namespace Matcher.Enrollment.Subjects;

/// <summary>
/// Hands staged changes to the Redis mirror in log order, each only once the log holds it on disk, so Redis never
/// learns of an enrollment the node could still lose. Changes are added in log order under the store's order lock;
/// fsyncs complete batch by batch in that order, so releasing everything up to the log's durable sequence keeps it.
/// </summary>
internal sealed class DurableMirrorFeed
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Sequence, Action<RedisMirror, long> Change)> _waiting = new();
    private RedisMirror? _mirror;

    /// <summary>Starts feeding <paramref name="mirror"/>; nothing may be staged but not yet durable at this moment.</summary>
    public void Attach(RedisMirror mirror)
    {
        lock (_gate)
        {
            if (_waiting.Count > 0)
            {
                throw new InvalidOperationException("The mirror must start while no change is on its way to disk.");
            }
            _mirror = mirror;
        }
    }

    public void Add(long sequence, Action<RedisMirror, long> change)
    {
        lock (_gate)
        {
            if (_mirror is not null)
            {
                _waiting.Enqueue((sequence, change));
            }
        }
    }

    public void Release(long durableSequence)
    {
        lock (_gate)
        {
            while (_waiting.TryPeek(out var next) && next.Sequence <= durableSequence)
            {
                _waiting.Dequeue();
                next.Change(_mirror!, next.Sequence);
            }
        }
    }
}
