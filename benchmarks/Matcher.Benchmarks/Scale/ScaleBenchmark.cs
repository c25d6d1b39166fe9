using System.Diagnostics;
using System.Globalization;
using Matcher.Core.Scoring;
using Matcher.Core.Subjects;
using Matcher.Face;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery;
using Matcher.Gallery.Search;
using Matcher.Population;
using Matcher.Population.Faces;
using Matcher.Testing;

namespace Matcher.Benchmarks.Scale;

/// <summary>
/// `scale --subjects N`: a gallery of N synthetic subjects (10 fingers + face, <see cref="PopulationGenerator"/>) with
/// real people planted in it (<see cref="RealMates"/>), searched in process the way Identify searches: latency per
/// probe kind, planted mates found at the default FPIR by the cascade (and by exhaustive search on a sample), false
/// positives of real strangers, memory per subject; per kind the processor time of each search stage and the garbage
/// collector's pauses. `--kinds` picks the probe kinds.
/// </summary>
internal static class ScaleBenchmark
{
    private const double TargetFpir = 0.01;

    public static int Run(string[] args)
    {
        var subjects = ScaleGallery.Option(args, "--subjects", 100_000);
        var seed = (ulong)ScaleGallery.Option(args, "--seed", 1);
        var exhaustiveProbes = ScaleGallery.Option(args, "--exhaustive-probes", 0);
        var output = Console.Out;
        using var faces = ScaleGallery.LoadFaces();
        var people = RealMates.Load(Datasets.Root, faces, Environment.ProcessorCount);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"real people: {people.Count(p => p.Planted)} planted, {people.Count(p => !p.Planted)} strangers, {people.Sum(p => p.Probes.Count)} probes"));
        using var index = ScaleGallery.Build(subjects, seed, faces, people.Where(p => p.Planted).Select(p => p.Record), args, output);
        var gallerySize = index.Count;
        var threshold = DecisionThreshold.ForIdentification(TargetFpir, gallerySize);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {threshold:0.0} (FPIR {TargetFpir} at N)"));

        // The real ten-finger people (FVC) and the CrossMatch people, who have 4-7 fingers, ask for different lists.
        var allKinds = new (string Key, string Name, Func<IReadOnlyList<EnrolledSample>, IReadOnlyList<EnrolledSample>> Select)[]
        {
            ("ten", "8-10 fingers + face", probe => FingerCount(probe) >= 8 ? probe : []),
            ("some", "4-7 fingers + face", probe => FingerCount(probe) is >= 4 and < 8 ? probe : []),
            ("two+face", "2 fingers + face", probe => probe.Where(s => s is EnrolledFace or EnrolledFinger { Position: 2 or 7 }).ToList()),
            ("two", "2 fingers", probe => probe.OfType<EnrolledFinger>().Where(f => f.Position is 2 or 7).Cast<EnrolledSample>().ToList()),
            ("face", "face only", probe => probe.OfType<EnrolledFace>().Cast<EnrolledSample>().ToList()),
        };
        var chosen = KindsOption(args, allKinds.Select(k => k.Key).ToList());
        var kinds = allKinds.Where(k => chosen.Contains(k.Key)).Select(k => (k.Name, k.Select)).ToList();
        // JIT and the face score table, outside the measured searches.
        index.Search(index.Prepare(people[0].Probes[0]), SearchScope.Everything, 10, threshold);
        output.WriteLine("kind                 searches  p50 ms  p99 ms  mates found  strangers flagged");
        var perKind = new List<(string Name, StageTimes Stages, TimeSpan GcPause, int Gen2Collections)>();
        foreach (var (name, select) in kinds)
        {
            var stages = new StageTimes();
            var pauseBefore = GC.GetTotalPauseDuration();
            var gen2Before = GC.CollectionCount(2);
            var latencies = new List<double>();
            int mated = 0, found = 0, strangerSearches = 0, flagged = 0;
            foreach (var person in people)
            {
                foreach (var probe in person.Probes.Select(select).Where(p => p.Count > 0))
                {
                    var prepared = index.Prepare(probe);
                    var started = Stopwatch.GetTimestamp();
                    var candidates = index.Search(prepared, SearchScope.Everything, 10, threshold);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (person.Planted)
                    {
                        mated++;
                        found += candidates.Any(c => c.Key == person.Record.Key) ? 1 : 0;
                    }
                    else
                    {
                        strangerSearches++;
                        flagged += candidates.Count > 0 ? 1 : 0;
                    }
                }
            }
            stages.Dispose();
            perKind.Add((name, stages, GC.GetTotalPauseDuration() - pauseBefore, GC.CollectionCount(2) - gen2Before));
            latencies.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-20} {latencies.Count,8}  {Percentile(latencies, 0.5),6:0.0}  {Percentile(latencies, 0.99),6:0.0}  {found,4} / {mated,-4}  {flagged,4} / {strangerSearches}"));
        }
        foreach (var (name, stages, gcPause, gen2Collections) in perKind)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: garbage collection paused {gcPause.TotalMilliseconds:0} ms in all ({gen2Collections} full collections); processor time by search stage:"));
            stages.Report(output);
        }
        if (exhaustiveProbes > 0)
        {
            foreach (var (name, select) in kinds.Where(k => k.Name.EndsWith("+ face", StringComparison.Ordinal)))
            {
                CompareWithExhaustive(index, people, name, select, threshold, exhaustiveProbes, output);
            }
        }
        return 0;
    }

    /// <summary>Probes of planted people of one kind, each searched both ways: what exhaustive finds, the cascade must.</summary>
    private static void CompareWithExhaustive(SubjectIndex index, IReadOnlyList<RealPerson> people, string kind,
        Func<IReadOnlyList<EnrolledSample>, IReadOnlyList<EnrolledSample>> select, double threshold, int probes, TextWriter output)
    {
        int exhaustiveFound = 0, bothFound = 0, sameCandidates = 0, searched = 0;
        var exhaustiveSeconds = new List<double>();
        foreach (var (person, probe) in people.Where(p => p.Planted).SelectMany(p => p.Probes.Select(probe => (p, select(probe)))).Take(probes))
        {
            var prepared = index.Prepare(probe);
            var cascade = index.Search(prepared, SearchScope.Everything, 100, threshold);
            var started = Stopwatch.GetTimestamp();
            var exhaustive = index.Search(prepared, SearchScope.Everything, 100, threshold, strategy: SearchStrategy.Exhaustive);
            exhaustiveSeconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            searched++;
            var inExhaustive = exhaustive.Any(c => c.Key == person.Record.Key);
            exhaustiveFound += inExhaustive ? 1 : 0;
            bothFound += inExhaustive && cascade.Any(c => c.Key == person.Record.Key) ? 1 : 0;
            sameCandidates += exhaustive.Select(c => (c.Key, c.Score)).SequenceEqual(cascade.Select(c => (c.Key, c.Score))) ? 1 : 0;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exhaustive on {searched} {kind} probes ({exhaustiveSeconds.Average():0.0} s each): it found {exhaustiveFound} mates, the cascade {bothFound} of those; identical candidate lists {sameCandidates} / {searched}"));
    }

    private static int FingerCount(IReadOnlyList<EnrolledSample> probe) => probe.Count(s => s is EnrolledFinger);

    /// <summary>`--kinds ten,some,face`: the probe kinds to measure (all by default; the 2-finger kinds take long at 1M).</summary>
    private static HashSet<string> KindsOption(string[] args, IReadOnlyList<string> known)
    {
        var at = Array.IndexOf(args, "--kinds");
        if (at < 0)
        {
            return [.. known];
        }
        var asked = at + 1 < args.Length ? args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        if (asked.Length == 0 || asked.Except(known).Any())
        {
            throw new ArgumentException($"--kinds takes a comma-separated list of {string.Join(", ", known)}.");
        }
        return [.. asked];
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
