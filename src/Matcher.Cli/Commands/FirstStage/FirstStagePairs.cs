using Matcher.Fingerprint.Descriptors;

namespace Matcher.Cli.Commands.FirstStage;

/// <summary>
/// Every pair of real fingers scored by the first stage: mates (two impressions of one finger) and impostors (any two
/// different fingers, within and across databases), and for each mate seen from each side, the share of that probe's
/// impostors that score at least as high: the penetration at which a search would still find it.
/// </summary>
internal sealed class FirstStagePairs
{
    private FirstStagePairs(List<double> mates, List<double> impostors, List<MatePlacement> placements)
    {
        Mates = mates;
        Impostors = impostors;
        Placements = placements;
    }

    /// <summary>Similarity of every unordered mate pair.</summary>
    public IReadOnlyList<double> Mates { get; }

    /// <summary>Similarity of every unordered impostor pair.</summary>
    public IReadOnlyList<double> Impostors { get; }

    /// <summary>Every ordered mate pair with the penetration that reaches it.</summary>
    public IReadOnlyList<MatePlacement> Placements { get; }

    public static FirstStagePairs Score(IReadOnlyList<RealFinger> fingers, DescriptorBackground background)
    {
        var count = fingers.Count;
        var similarity = new float[count, count];
        Parallel.For(0, count, i =>
        {
            for (var j = i + 1; j < count; j++)
            {
                similarity[i, j] = similarity[j, i] = (float)background.Similarity(fingers[i].Descriptor, fingers[j].Descriptor);
            }
        });
        var mates = new List<double>();
        var impostors = new List<double>();
        var placements = new List<MatePlacement>();
        for (var probe = 0; probe < count; probe++)
        {
            var ownImpostors = new List<float>(count);
            for (var other = 0; other < count; other++)
            {
                if (other == probe)
                {
                    continue;
                }
                var mate = fingers[probe].SameFingerAs(fingers[other]);
                if (!mate)
                {
                    ownImpostors.Add(similarity[probe, other]);
                }
                if (other > probe)
                {
                    (mate ? mates : impostors).Add(similarity[probe, other]);
                }
            }
            ownImpostors.Sort();
            for (var other = 0; other < count; other++)
            {
                if (other != probe && fingers[probe].SameFingerAs(fingers[other]))
                {
                    var above = ownImpostors.Count - LowerBound(ownImpostors, similarity[probe, other]);
                    placements.Add(new MatePlacement(fingers[probe].Database, (double)above / Math.Max(1, ownImpostors.Count)));
                }
            }
        }
        return new FirstStagePairs(mates, impostors, placements);
    }

    private static int LowerBound(List<float> sorted, float value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}

/// <summary>One mate seen from its probe: the share of the probe's impostors scoring at least as high.</summary>
internal sealed record MatePlacement(string Database, double Penetration);
