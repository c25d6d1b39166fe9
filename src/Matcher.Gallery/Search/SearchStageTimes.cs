using System.Diagnostics;
using Matcher.Core.Modalities;

namespace Matcher.Gallery.Search;

/// <summary>
/// The stage times of one search, added up over the shards that search in parallel (Stopwatch ticks), recorded once
/// when the search ends.
/// </summary>
internal sealed class SearchStageTimes
{
    private readonly GalleryOptions _options;
    private readonly long[] _firstStage;
    private readonly long[] _fullMatch;
    private readonly long[] _exhaustiveScan;
    private long _shortlist;
    private long _compared;
    private long _stoppedEarly;

    public SearchStageTimes(GalleryOptions options)
    {
        _options = options;
        _firstStage = new long[options.Modalities.Count];
        _fullMatch = new long[options.Modalities.Count];
        _exhaustiveScan = new long[options.Modalities.Count];
    }

    public void AddFirstStage(int slot, long ticks) => Interlocked.Add(ref _firstStage[slot], ticks);

    public void AddExhaustiveScan(int slot, long ticks) => Interlocked.Add(ref _exhaustiveScan[slot], ticks);

    public void AddShortlist(long ticks) => Interlocked.Add(ref _shortlist, ticks);

    /// <summary>Adds one shard's full-match ticks per modality slot, the subjects it compared and those it stopped early.</summary>
    public void AddFullMatch(ReadOnlySpan<long> ticksBySlot, int compared, int stoppedEarly)
    {
        Interlocked.Add(ref _compared, compared);
        Interlocked.Add(ref _stoppedEarly, stoppedEarly);
        for (var slot = 0; slot < ticksBySlot.Length; slot++)
        {
            Interlocked.Add(ref _fullMatch[slot], ticksBySlot[slot]);
        }
    }

    public void Record(string strategy, TimeSpan elapsed)
    {
        SearchMetrics.Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("strategy", strategy));
        SearchMetrics.Compared.Record(_compared, new KeyValuePair<string, object?>("strategy", strategy));
        SearchMetrics.StoppedEarly.Record(_stoppedEarly, new KeyValuePair<string, object?>("strategy", strategy));
        for (var slot = 0; slot < _options.Modalities.Count; slot++)
        {
            var modality = ModalityName(_options.Modalities[slot].Modality);
            RecordStage("first_stage", modality, _firstStage[slot]);
            RecordStage("full_match", modality, _fullMatch[slot]);
            RecordStage("exhaustive_scan", modality, _exhaustiveScan[slot]);
        }
        RecordStage("shortlist", "all", _shortlist);
    }

    private static void RecordStage(string stage, string modality, long ticks)
    {
        if (ticks > 0)
        {
            SearchMetrics.StageDuration.Record((double)ticks / Stopwatch.Frequency,
                new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("modality", modality));
        }
    }

    private static string ModalityName(Modality modality) => modality switch
    {
        Modality.Fingerprint => "fingerprint",
        Modality.Face => "face",
        _ => "other",
    };
}
