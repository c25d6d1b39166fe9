namespace Matcher.Fingerprint.Extraction;

/// <summary>Why a walk along a skeleton ridge stopped.</summary>
internal enum TraceStop
{
    /// <summary>The ridge ended.</summary>
    Ending,

    /// <summary>The ridge met another ridge.</summary>
    Junction,

    /// <summary>The walk went as far as it was allowed to.</summary>
    Open,
}

/// <summary>How many steps a walk took, why it stopped, and the pixel at which to measure a direction.</summary>
internal readonly record struct TraceResult(int Length, TraceStop Stop, int DirectionPixel);

/// <summary>Walks along a one-pixel-wide skeleton from a minutia into one of its ridges.</summary>
internal static class SkeletonTracer
{
    /// <summary>
    /// Follows the ridge that starts at <paramref name="first"/>, never stepping onto <paramref name="excluded"/> (the
    /// minutia and its other branches), for at most <paramref name="maxLength"/> steps.
    /// </summary>
    public static TraceResult Follow(byte[] skeleton, int width, ReadOnlySpan<int> excluded, int first, int maxLength)
    {
        int current = first, previous = -1, beforePrevious = -1, length = 1, directionPixel = first;
        while (true)
        {
            if (length <= ExtractionParameters.DirectionTraceLength)
            {
                directionPixel = current;
            }
            if (length >= maxLength)
            {
                return new TraceResult(length, TraceStop.Open, directionPixel);
            }
            int next = -1, candidates = 0;
            for (var direction = 0; direction < 8; direction++)
            {
                var neighbour = current + Neighbourhood.Offset(direction, width);
                if (skeleton[neighbour] != 0 && neighbour != previous && neighbour != beforePrevious && !excluded.Contains(neighbour))
                {
                    candidates++;
                    next = neighbour;
                }
            }
            if (candidates == 0)
            {
                return new TraceResult(length, TraceStop.Ending, directionPixel);
            }
            if (candidates > 1)
            {
                return new TraceResult(length, TraceStop.Junction, directionPixel);
            }
            beforePrevious = previous;
            previous = current;
            current = next;
            length++;
        }
    }
}
