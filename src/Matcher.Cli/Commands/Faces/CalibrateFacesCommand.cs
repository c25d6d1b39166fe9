using System.Globalization;
using Matcher.Core.Scoring;
using Matcher.Face;

namespace Matcher.Cli.Commands.Faces;

/// <summary>
/// `matcher calibrate faces`: fits the cosine-to-score map from every different-person pair of one or more image
/// roots (one sub-folder per person) and prints the knots to embed in Matcher.Face's FaceScoreCalibration.
/// </summary>
internal sealed class CalibrateFacesCommand : ICliCommand
{
    public string Name => "calibrate faces";

    public string Usage => "calibrate faces --roots DIR[,DIR...] [--threads N]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var roots = arguments.RequireOption("roots").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var threads = arguments.IntOption("threads") ?? Environment.ProcessorCount;
        if (roots.Length == 0 || threads < 1)
        {
            throw new CliUsageException("Give at least one root in --roots and at least one thread.");
        }
        using var engine = FaceEngine.Load(new FaceEngineOptions { BatchParallelism = threads, ComputeLiveness = false, RejectUnusable = false });
        var people = new List<float[][]>();
        var failed = 0;
        foreach (var root in roots)
        {
            var byPerson = FacePairList.ImagesByPerson(root);
            // One batch per root keeps every core busy; most LFW people have a single image.
            var set = FaceImageSet.Extract(engine, root, byPerson.Values.SelectMany(images => images));
            failed += set.Failures.Count;
            people.AddRange(byPerson.Values.Select(images =>
                images.Where(set.Embeddings.ContainsKey).Select(i => set.Embeddings[i].Values.ToArray()).ToArray()));
        }
        var impostors = ImpostorSimilarities(people);
        var calibration = ScoreCalibration.FitFromImpostors(impostors);
        var format = (double v) => v.ToString("R", CultureInfo.InvariantCulture);
        output.WriteLine($"model             {engine.EmbeddingModelId}");
        output.WriteLine($"people            {people.Count}, images {people.Sum(p => p.Length)} embedded, {failed} failed");
        output.WriteLine($"impostor pairs    {impostors.Count}");
        output.WriteLine($"highest impostor  {format(impostors.Max())}");
        output.WriteLine($"measured up to    score {calibration.MeasuredUpToScore.ToString("0.0", CultureInfo.InvariantCulture)}");
        output.WriteLine($"raw knots         [{string.Join(", ", calibration.RawKnots.Select(format))}]");
        output.WriteLine($"score knots       [{string.Join(", ", calibration.ScoreKnots.Select(format))}]");
        return 0;
    }

    private static List<double> ImpostorSimilarities(List<float[][]> people)
    {
        var similarities = new List<double>();
        for (var a = 0; a < people.Count; a++)
        {
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
