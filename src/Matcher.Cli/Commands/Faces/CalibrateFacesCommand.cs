using System.CommandLine;
using System.Globalization;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Display;
using Matcher.Core.Scoring;
using Matcher.Face;

namespace Matcher.Cli.Commands.Faces;

/// <summary>
/// `matcher calibrate faces`: fits the cosine-to-score map from every different-person pair of one or more image
/// roots (one sub-folder per person) and prints the knots to embed in Matcher.Face's FaceScoreCalibration.
/// </summary>
internal sealed class CalibrateFacesCommand : ICliCommand
{
    private readonly Option<IReadOnlyList<string[]>> _roots = RootsOption();
    private readonly Option<int?> _threads = FaceOptions.Threads();

    public string Name => "calibrate faces";

    public string Description => "Fit the face score calibration from every different-person pair of one or more image roots.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_roots, _threads];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var roots = parsed.GetRequiredValue(_roots).SelectMany(r => r).ToList();
        var threads = parsed.GetValue(_threads) ?? Environment.ProcessorCount;
        using var engine = FaceEngine.Load(new FaceEngineOptions { BatchParallelism = threads, ComputeLiveness = false, RejectUnusable = false });
        var (people, failed, impostors) = context.Progress(json: false).Run(progress =>
        {
            var (embedded, failures) = EmbedPeople(engine, roots, progress);
            return (embedded, failures, ImpostorSimilarities(embedded, progress));
        });
        var calibration = ScoreCalibration.FitFromImpostors(impostors);
        var format = (double v) => v.ToString("R", CultureInfo.InvariantCulture);
        context.Output.WriteLine($"model             {engine.EmbeddingModelId}");
        context.Output.WriteLine($"people            {people.Count}, images {people.Sum(p => p.Length)} embedded, {failed} failed");
        context.Output.WriteLine($"impostor pairs    {impostors.Count}");
        context.Output.WriteLine($"highest impostor  {format(impostors.Max())}");
        context.Output.WriteLine($"measured up to    score {calibration.MeasuredUpToScore.ToString("0.0", CultureInfo.InvariantCulture)}");
        context.Output.WriteLine($"raw knots         [{string.Join(", ", calibration.RawKnots.Select(format))}]");
        context.Output.WriteLine($"score knots       [{string.Join(", ", calibration.ScoreKnots.Select(format))}]");
        return 0;
    }

    private static Option<IReadOnlyList<string[]>> RootsOption()
    {
        var option = CliValues.Repeated("--roots", "DIR[,DIR...]", "Image roots with one sub-folder per person, comma-separated or repeated.", RootList);
        option.Required = true;
        return option;
    }

    /// <summary>The embeddings of each person's images, root after root, and how many images failed.</summary>
    private static (List<float[][]> People, int Failed) EmbedPeople(FaceEngine engine, IEnumerable<string> roots, IProgress<ProgressStep> progress)
    {
        var people = new List<float[][]>();
        var failed = 0;
        foreach (var root in roots)
        {
            var byPerson = FacePairList.ImagesByPerson(root);
            // One batch per root keeps every core busy; most LFW people have a single image.
            var set = FaceImageSet.Extract(engine, root, byPerson.Values.SelectMany(images => images), progress);
            failed += set.Failures.Count;
            people.AddRange(byPerson.Values.Select(images =>
                images.Where(set.Embeddings.ContainsKey).Select(i => set.Embeddings[i].Values.ToArray()).ToArray()));
        }
        return (people, failed);
    }

    private static string[] RootList(string value)
    {
        var roots = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return roots.Length > 0 ? roots : throw new CliUsageException($"--roots expects one or more folders separated by commas, not '{value}'.");
    }

    private static List<double> ImpostorSimilarities(List<float[][]> people, IProgress<ProgressStep> progress)
    {
        var similarities = new List<double>();
        for (var a = 0; a < people.Count; a++)
        {
            progress.Report(new ProgressStep("scoring impostor pairs", a + 1, people.Count));
            for (var b = a + 1; b < people.Count; b++)
            {
                foreach (var first in people[a])
                {
                    foreach (var second in people[b])
                    {
                        similarities.Add(Dot(first, second));
                    }
                }
            }
        }
        return similarities;
    }

    private static double Dot(float[] first, float[] second)
    {
        double sum = 0;
        for (var i = 0; i < first.Length; i++)
        {
            sum += first[i] * second[i];
        }
        return sum;
    }
}
