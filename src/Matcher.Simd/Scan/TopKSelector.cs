namespace Matcher.Simd.Scan;

/// <summary>
/// Keeps the k best rows seen so far in a min-heap whose root is the worst kept row, so rejecting a candidate
/// costs one comparison and accepting one costs O(log k).
/// </summary>
public sealed class TopKSelector
{
    public const int MaxK = 100_000;

    private readonly ScoredRow[] heap;

    public TopKSelector(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, MaxK);
        heap = new ScoredRow[k];
    }

    public int K => heap.Length;

    public int Count { get; private set; }

    /// <summary>Scores below this cannot enter; negative infinity until k rows are kept.</summary>
    public float Threshold => Count < heap.Length ? float.NegativeInfinity : heap[0].Score;

    public void Offer(int row, float score)
    {
        var candidate = new ScoredRow(row, score);
        if (Count < heap.Length)
        {
            SiftUp(Count++, candidate);
        }
        else if (candidate.IsBetterThan(heap[0]))
        {
            SiftDown(0, candidate);
        }
    }

    /// <summary>Adds every row another selector kept, e.g. to merge per-thread results.</summary>
    public void OfferAll(TopKSelector other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Offer(other.heap[i].Row, other.heap[i].Score);
        }
    }

    /// <summary>The kept rows, best first.</summary>
    public ScoredRow[] ToSortedArray()
    {
        var result = heap.AsSpan(0, Count).ToArray();
        Array.Sort(result, static (a, b) => a.IsBetterThan(b) ? -1 : b.IsBetterThan(a) ? 1 : 0);
        return result;
    }

    public void Clear() => Count = 0;

    private void SiftUp(int index, ScoredRow item)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!heap[parent].IsBetterThan(item))
            {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = item;
    }

    private void SiftDown(int index, ScoredRow item)
    {
        while (true)
        {
            var child = 2 * index + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && heap[child].IsBetterThan(heap[child + 1]))
            {
                child++;
            }
            if (!item.IsBetterThan(heap[child]))
            {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = item;
    }
}
