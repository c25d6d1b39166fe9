using Matcher.Core.Modalities;
using Matcher.Core.Search;

namespace Matcher.Testing;

/// <summary>A modality index's scores for one row as a list, for assertions.</summary>
public static class ModalityScores
{
    public static SampleScore[] ScoresOf(this IModalityIndex index, IModalityProbe probe, int row, ProbePart part = ProbePart.Whole)
    {
        var scores = new SampleScore[probe.SampleCount];
        return scores[..index.Score(probe, row, part, scores)];
    }
}
