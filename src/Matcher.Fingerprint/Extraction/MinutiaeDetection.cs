using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Finds ridge endings (skeleton pixels with one neighbour) and bifurcations (junctions of exactly three ridges) and
/// measures their directions by walking along their ridges. Walking also exposes the commonest false minutiae, which
/// are never emitted: short fragments, spurs (a short branch ending in nothing) and bridges (a short branch joining
/// two ridges). Directions follow ISO/IEC 19794-2: an ending points along its ridge, a bifurcation into its fork.
/// </summary>
internal static class MinutiaeDetection
{
    private const byte Claimed = 2;
    private const int MaxJunctionPixels = 4;

    public static void Detect(byte[] skeleton, BlockGrid grid, byte[] mask, List<MinutiaCandidate> found)
    {
        found.Clear();
        var width = grid.Width;
        for (var y = 1; y < grid.Height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var pixel = y * width + x;
                if (skeleton[pixel] != 1 || mask[grid.BlockOf(x, y)] == 0)
                {
                    continue;
                }
                var bits = Neighbourhood.Bits(skeleton, pixel, width);
                if (Neighbourhood.Count(bits) == 1)
                {
                    TryAddEnding(skeleton, width, pixel, bits, found);
                }
                else if (Neighbourhood.Crossings(bits) >= 3)
                {
                    TryAddBifurcation(skeleton, width, pixel, found);
                }
            }
        }
        for (var i = 0; i < grid.PixelCount; i++)
        {
            if (skeleton[i] == Claimed)
            {
                skeleton[i] = 1;
            }
        }
    }

    private static void TryAddEnding(byte[] skeleton, int width, int pixel, int bits, List<MinutiaCandidate> found)
    {
        var first = pixel + Neighbourhood.Offset(System.Numerics.BitOperations.TrailingZeroCount(bits), width);
        ReadOnlySpan<int> excluded = [pixel];
        var trace = SkeletonTracer.Follow(skeleton, width, excluded, first,
            Math.Max(ExtractionParameters.MinRidgeLength, ExtractionParameters.DirectionTraceLength));
        if (trace.Stop != TraceStop.Open && trace.Length < ExtractionParameters.MinRidgeLength)
        {
            return;
        }
        var (dx, dy) = UnitVector(width, pixel, trace.DirectionPixel);
        found.Add(new MinutiaCandidate
        {
            X = pixel % width, Y = pixel / width, DirectionX = dx, DirectionY = dy, Type = MinutiaType.Ending,
        });
    }

    private static void TryAddBifurcation(byte[] skeleton, int width, int seed, List<MinutiaCandidate> found)
    {
        Span<int> junction = stackalloc int[MaxJunctionPixels];
        var junctionSize = CollectJunction(skeleton, width, seed, junction);
        junction = junction[..junctionSize];
        Span<int> excluded = stackalloc int[MaxJunctionPixels * 9];
        Span<int> branchStarts = stackalloc int[8];
        int excludedCount = 0, branches = 0;
        foreach (var pixel in junction)
        {
            excluded[excludedCount++] = pixel;
            for (var direction = 0; direction < 8; direction++)
            {
                var neighbour = pixel + Neighbourhood.Offset(direction, width);
                if (skeleton[neighbour] == 0 || junction.Contains(neighbour) || excluded[..excludedCount].Contains(neighbour))
                {
                    continue;
                }
                excluded[excludedCount++] = neighbour;
                if (!TouchesAny(branchStarts[..branches], neighbour, width))
                {
                    if (branches == branchStarts.Length)
                    {
                        return;
                    }
                    branchStarts[branches++] = neighbour;
                }
            }
        }
        if (branches != 3)
        {
            return;
        }
        Span<float> vx = stackalloc float[3];
        Span<float> vy = stackalloc float[3];
        var maxLength = Math.Max(Math.Max(ExtractionParameters.MinBridgeLength, ExtractionParameters.MinRidgeLength),
            ExtractionParameters.DirectionTraceLength);
        for (var branch = 0; branch < 3; branch++)
        {
            var trace = SkeletonTracer.Follow(skeleton, width, excluded[..excludedCount], branchStarts[branch], maxLength);
            var bridge = trace.Stop == TraceStop.Junction && trace.Length < ExtractionParameters.MinBridgeLength;
            var spur = trace.Stop == TraceStop.Ending && trace.Length < ExtractionParameters.MinRidgeLength;
            if (bridge || spur)
            {
                return;
            }
            (vx[branch], vy[branch]) = UnitVector(width, seed, trace.DirectionPixel);
        }
        var (directionX, directionY) = ForkDirection(vx, vy);
        found.Add(new MinutiaCandidate
        {
            X = seed % width, Y = seed / width, DirectionX = directionX, DirectionY = directionY,
            Type = MinutiaType.Bifurcation,
        });
    }

    /// <summary>Thick junctions span a few pixels; they are gathered (and claimed) so that one fork yields one minutia.</summary>
    private static int CollectJunction(byte[] skeleton, int width, int seed, Span<int> junction)
    {
        var count = 0;
        junction[count++] = seed;
        skeleton[seed] = Claimed;
        for (var head = 0; head < count && count < junction.Length; head++)
        {
            for (var direction = 0; direction < 8 && count < junction.Length; direction++)
            {
                var neighbour = junction[head] + Neighbourhood.Offset(direction, width);
                if (skeleton[neighbour] == 1 && Neighbourhood.Count(Neighbourhood.Bits(skeleton, neighbour, width)) >= 3)
                {
                    skeleton[neighbour] = Claimed;
                    junction[count++] = neighbour;
                }
            }
        }
        return count;
    }

    private static bool TouchesAny(ReadOnlySpan<int> pixels, int pixel, int width)
    {
        foreach (var other in pixels)
        {
            if (Math.Abs(other % width - pixel % width) <= 1 && Math.Abs(other / width - pixel / width) <= 1)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The two branches closest in angle are the fork; the direction points into the fork, averaged with the
    /// opposite of the stem so that one noisy branch cannot swing it far.
    /// </summary>
    private static (float X, float Y) ForkDirection(ReadOnlySpan<float> vx, ReadOnlySpan<float> vy)
    {
        int stem = 0;
        var bestDot = float.NegativeInfinity;
        for (var candidate = 0; candidate < 3; candidate++)
        {
            int a = (candidate + 1) % 3, b = (candidate + 2) % 3;
            var dot = vx[a] * vx[b] + vy[a] * vy[b];
            if (dot > bestDot)
            {
                bestDot = dot;
                stem = candidate;
            }
        }
        int left = (stem + 1) % 3, right = (stem + 2) % 3;
        var (forkX, forkY) = Normalize(vx[left] + vx[right], vy[left] + vy[right]);
        return Normalize(forkX - vx[stem], forkY - vy[stem]);
    }

    private static (float X, float Y) UnitVector(int width, int from, int to) =>
        Normalize(to % width - from % width, to / width - from / width);

    private static (float X, float Y) Normalize(float x, float y)
    {
        var length = MathF.Sqrt(x * x + y * y);
        return length > 1e-6f ? (x / length, y / length) : (1f, 0f);
    }
}
