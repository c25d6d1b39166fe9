using System.Globalization;
using Google.Protobuf;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>
/// How service answers are printed: one JSON object per answer for --json (the protobuf JSON mapping, default values
/// included so that "match": false is visible), otherwise short lines for an operator. Answers never hold biometric data.
/// </summary>
internal static class ServiceOutput
{
    /// <summary>Exit code of a command whose answer is "no": not enrolled because of a duplicate, or no match.</summary>
    public const int NegativeDecision = 3;

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void WriteJson(TextWriter output, IMessage message) => output.WriteLine(Json.Format(message));

    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    public static void WriteCandidates(TextWriter output, IReadOnlyList<Candidate> candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            output.WriteLine($"  {i + 1}. {candidates[i].SubjectId} (gallery {candidates[i].Gallery}): {Scores(candidates[i])}");
        }
    }

    /// <summary>The fused score, then each modality's: "score 61.2; fingers 61.2 [right-index 48.0, left-index 30.1]; face -".</summary>
    public static string Scores(Candidate candidate)
    {
        var perFinger = candidate.FingerScores.Select(f => $"{FingerPositions.Name(f.Position)} {Score(f.Score)}");
        var fingers = candidate.HasFingerprintScore ? $"{Score(candidate.FingerprintScore)} [{string.Join(", ", perFinger)}]" : "-";
        var face = candidate.HasFaceScore ? Score(candidate.FaceScore) : "-";
        return $"score {Score(candidate.Score)}; fingers {fingers}; face {face}";
    }

    public static void WriteQuality(TextWriter output, IEnumerable<SampleQuality> quality)
    {
        var items = quality
            .Select(q => q.Usable ? $"{q.Sample} {q.Score}" : $"{q.Sample} {q.Score} UNUSABLE ({string.Join(", ", q.Reasons)})")
            .ToList();
        if (items.Count > 0)
        {
            output.WriteLine($"quality: {string.Join("; ", items)}");
        }
    }

    public static void WriteTimings(TextWriter output, Timings? timings)
    {
        if (timings is not null)
        {
            output.WriteLine($"server time: extract {Milliseconds(timings.ExtractUs)}, search {Milliseconds(timings.SearchUs)}, " +
                $"persist {Milliseconds(timings.PersistUs)}, total {Milliseconds(timings.TotalUs)}");
        }
    }

    private static string Milliseconds(ulong microseconds) => (microseconds / 1000.0).ToString("0.0 ms", CultureInfo.InvariantCulture);
}
