using Matcher.Core.Modalities;
using Matcher.Core.Scoring;
using Matcher.Core.Subjects;

namespace Matcher.Face.Indexing;

/// <summary>
/// Faces as a gallery modality: int8 blocks for the scan, exact float rescoring. <paramref name="scoreOfSimilarity"/>
/// maps a cosine to the calibrated scale (<see cref="FaceEngine.ScoreOfSimilarity"/>); it is called only when a
/// search compares faces, so the models may load after the gallery is built.
/// </summary>
public sealed class FaceIndexFactory : IModalityIndexFactory
{
    /// <summary>Rows per block unless told otherwise: blocks are allocated whole, 64-byte aligned.</summary>
    public const int DefaultBlockCapacity = 4096;

    private readonly Func<double, double> _scoreOfSimilarity;
    private readonly Lazy<ScoreTable> _scoreTable;
    private readonly int _blockCapacity;

    public FaceIndexFactory(Func<double, double> scoreOfSimilarity, int blockCapacity = DefaultBlockCapacity)
    {
        ArgumentNullException.ThrowIfNull(scoreOfSimilarity);
        if (blockCapacity < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(blockCapacity), blockCapacity, "Face blocks hold at least 64 rows.");
        }
        _scoreOfSimilarity = scoreOfSimilarity;
        // Cosines in steps of 1/1024: the int8 scan's own error is larger. Built on the first cascade search, after the models load.
        _scoreTable = new Lazy<ScoreTable>(() => new ScoreTable(scoreOfSimilarity, -1, 1, 2049));
        _blockCapacity = blockCapacity;
    }

    public Modality Modality => Modality.Face;

    public IModalityIndex CreateIndex() => new FaceIndex(_scoreOfSimilarity, () => _scoreTable.Value, _blockCapacity);

    public IModalityProbe? Prepare(IReadOnlyList<EnrolledSample> samples) => samples.Count switch
    {
        0 => null,
        1 => new FaceProbe((EnrolledFace)samples[0]),
        _ => throw new ArgumentException("A probe holds at most one face.", nameof(samples)),
    };
}
