using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Display;
using Matcher.Population;
using Matcher.Population.Faces;

namespace Matcher.Cli.Commands.Population;

/// <summary>
/// `matcher population generate`: writes N synthetic subjects (ten fingers and a face embedding each) of one seed to
/// a population file, generated on every core, in subject order, so the same seed and N always give the same bytes.
/// </summary>
internal sealed class GeneratePopulationCommand : ICliCommand
{
    private readonly Option<int?> _subjects = SubjectsOption();
    private readonly Option<ulong?> _seed = PopulationOptions.Seed(required: true);
    private readonly Option<string> _output = CommonOptions.OutputFile("The population file to write (docs/population-format.md).");
    private readonly Option<string> _faceModelId = new("--face-model-id")
    {
        Description = $"The face model the synthetic embeddings stand in for (default: {DefaultFaceModel.Id}).",
        HelpName = "ID",
    };
    private readonly Option<int?> _threads = PopulationOptions.Threads();

    public string Name => "population generate";

    public string Description => "Write a synthetic population (ten fingers and a face embedding per subject) to a file.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_subjects, _seed, _output, _faceModelId, _threads];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var subjects = parsed.GetValue(_subjects)!.Value;
        var seed = parsed.GetValue(_seed)!.Value;
        var path = parsed.GetRequiredValue(_output);
        var faceModelId = parsed.GetValue(_faceModelId) ?? DefaultFaceModel.Id;
        if (faceModelId.Length == 0)
        {
            throw new CliUsageException("--face-model-id must name a model.");
        }
        var threads = parsed.GetValue(_threads) ?? Environment.ProcessorCount;
        var generator = PopulationGenerator.Create(seed, faceModelId);
        var clock = Stopwatch.StartNew();
        context.Progress(json: false).Run(progress =>
        {
            generator.WriteFile(File.Create(path), subjects, threads, new SubjectsWritten(progress, subjects));
            return 0;
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var megabytes = new FileInfo(path).Length / (1024.0 * 1024.0);
        var number = (double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        context.Output.WriteLine($"wrote {subjects.ToString("N0", CultureInfo.InvariantCulture)} subjects (seed {seed}, face model {faceModelId}) to {path}");
        context.Output.WriteLine($"  {number(megabytes, "0.0")} MiB in {number(seconds, "0.00")} s: {number(subjects / Math.Max(seconds, 1e-9), "N0")} subjects/s on {threads} thread(s)");
        return 0;
    }

    private static Option<int?> SubjectsOption()
    {
        var option = CliValues.WholeNumber("--subjects", "How many subjects to write.", minimum: 0);
        option.Required = true;
        return option;
    }

    /// <summary>Turns the generator's count of written subjects into progress steps.</summary>
    private sealed class SubjectsWritten(IProgress<ProgressStep> progress, int total) : IProgress<long>
    {
        public void Report(long value) => progress.Report(new ProgressStep("generating subjects", (int)value, total));
    }
}
