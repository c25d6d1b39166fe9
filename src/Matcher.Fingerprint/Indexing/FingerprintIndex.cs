using System.Runtime.InteropServices;
using Matcher.Core.Modalities;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Fingerprint.Descriptors;
using Matcher.Fingerprint.Matching;

namespace Matcher.Fingerprint.Indexing;

/// <summary>
/// The fingers of one shard: per finger position a packed <see cref="FingerprintGallery"/> for the minutiae matcher,
/// each template mapped back to its row, and a <see cref="DescriptorColumn"/> for the first stage. The galleries cannot
/// delete, so a removed row's templates stay in the full scan until the shard is rebuilt; its descriptors are blanked.
/// </summary>
internal sealed class FingerprintIndex : IModalityIndex
{
    private const int Positions = 11;

    /// <summary>The fingers a staged comparison scores first.</summary>
    private const int LeadingFingers = 2;

    /// <summary>
    /// Index fingers first: stations capture them on every card and they print well; then thumbs (large, many minutiae),
    /// middle, ring and little fingers, and unknown positions last. A fixed order keeps the stages symmetric.
    /// </summary>
    private static readonly int[] LeadOrder = [2, 7, 1, 6, 3, 8, 4, 9, 5, 10, 0];


    private readonly FingerprintGallery?[] _galleries = new FingerprintGallery?[Positions];
    private readonly List<int>[] _rowOfTemplate = Enumerable.Range(0, Positions).Select(_ => new List<int>()).ToArray();
    private readonly DescriptorColumn?[] _descriptors = new DescriptorColumn?[Positions];
    /// <summary>Per row and position, the template's index in that position's gallery, -1 for none: one flat list, not an array per row.</summary>
    private readonly List<int> _templateOfRow = [];
    private int _removedRows;

    public long MemoryBytes => _galleries.Sum(g => g?.MemoryBytes ?? 0) + _descriptors.Sum(d => d?.MemoryBytes ?? 0);

    public void Add(int row, IReadOnlyList<EnrolledSample> samples)
    {
        if (row != _templateOfRow.Count / Positions)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Rows are added in order; the next is {_templateOfRow.Count / Positions}.");
        }
        var fingers = samples.Cast<EnrolledFinger>().ToArray();
        if (fingers.FirstOrDefault(f => f.Position is < 0 or >= Positions) is { } outside)
        {
            throw new ArgumentException($"Finger position {outside.Position} is not an ISO position (0-10).", nameof(samples));
        }
        var packed = fingers.Select(f => TemplatePacker.Pack(f.Template)).ToArray();
        var templateAt = new int[Positions];
        Array.Fill(templateAt, -1);
        for (var i = 0; i < fingers.Length; i++)
        {
            var position = fingers[i].Position;
            var gallery = _galleries[position] ??= new FingerprintGallery();
            templateAt[position] = gallery.Add(packed[i]);
            _rowOfTemplate[position].Add(row);
            var descriptor = FingerDescriptor.Of(packed[i]);
            (_descriptors[position] ??= new DescriptorColumn()).Set(row, descriptor, FirstStageScan.Background.NormOf(descriptor));
        }
        _templateOfRow.AddRange(templateAt);
    }

    public void Remove(int row)
    {
        _removedRows++;
        foreach (var column in _descriptors)
        {
            column?.MarkAbsent(row);
        }
    }

    public void Rank(IModalityProbe probe, Span<float> evidence)
    {
        foreach (var finger in ((FingerprintProbe)probe).Fingers.OrderBy(f => f.Position))
        {
            _descriptors[finger.Position]?.AddScores(finger.Descriptor, finger.Norm, FirstStageScan.Background, FirstStageScan.Scores, evidence);
        }
    }

    /// <summary>Position by position, as <see cref="Rank"/> adds them, so every row's sum is the same to the last bit.</summary>
    public void RankMany(IReadOnlyList<IModalityProbe> probes, IReadOnlyList<float[]> evidence)
    {
        for (var position = 0; position < Positions; position++)
        {
            if (_descriptors[position] is not { } column)
            {
                continue;
            }
            var fingers = new List<(FingerDescriptor, DescriptorNorm)>(probes.Count);
            var targets = new List<float[]>(probes.Count);
            for (var i = 0; i < probes.Count; i++)
            {
                if (((FingerprintProbe)probes[i]).Fingers.FirstOrDefault(f => f.Position == position) is { } finger)
                {
                    fingers.Add((finger.Descriptor, finger.Norm));
                    targets.Add(evidence[i]);
                }
            }
            if (fingers.Count > 0)
            {
                column.AddScoresMany(fingers, FirstStageScan.Background, FirstStageScan.Scores, targets);
            }
        }
    }

    public void Nominate(IModalityProbe probe, int shortlist, ISet<int> rows)
    {
        // Removed rows may take shortlist places; ask for that many more so live subjects are not crowded out.
        var widened = shortlist + Math.Min(_removedRows, shortlist);
        foreach (var finger in ((FingerprintProbe)probe).Fingers)
        {
            if (_galleries[finger.Position] is { Count: > 0 } gallery)
            {
                foreach (var hit in gallery.Scan(finger.Prepared, widened))
                {
                    rows.Add(_rowOfTemplate[finger.Position][hit.Index]);
                }
            }
        }
    }

    /// <summary>
    /// Leading: the first <see cref="LeadingFingers"/> positions both the probe and the row hold, in the order of
    /// <see cref="LeadOrder"/>; the rest: the other positions both hold. Scores come in the probe's order.
    /// </summary>
    public int Score(IModalityProbe probe, int row, ProbePart part, Span<SampleScore> scores)
    {
        var fingers = ((FingerprintProbe)probe).Fingers;
        var templates = CollectionsMarshal.AsSpan(_templateOfRow).Slice(row * Positions, Positions);
        var leading = part == ProbePart.Whole ? 0 : LeadingPositions(fingers, templates);
        var count = 0;
        foreach (var finger in fingers)
        {
            var template = templates[finger.Position];
            var leads = (leading & (1 << finger.Position)) != 0;
            if (template >= 0 && (part == ProbePart.Whole || leads == (part == ProbePart.Leading)))
            {
                scores[count++] = new SampleScore(finger.Position, _galleries[finger.Position]!.Compare(finger.Prepared, template));
            }
        }
        return count;
    }

    /// <summary>A bit per leading position.</summary>
    private static int LeadingPositions(IReadOnlyList<ProbeFinger> fingers, ReadOnlySpan<int> templates)
    {
        var probePositions = 0;
        foreach (var finger in fingers)
        {
            probePositions |= 1 << finger.Position;
        }
        var leading = 0;
        var count = 0;
        foreach (var position in LeadOrder)
        {
            if (count < LeadingFingers && (probePositions & (1 << position)) != 0 && templates[position] >= 0)
            {
                leading |= 1 << position;
                count++;
            }
        }
        return leading;
    }

    /// <summary>Nothing to release: the galleries are managed arrays.</summary>
    public void Dispose()
    {
    }
}
