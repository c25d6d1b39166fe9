using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Fingerprints;
using Matcher.Cli.Display;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Descriptors;
using Matcher.Fingerprint.Extraction;

namespace Matcher.Cli.Commands.FirstStage;

/// <summary>
/// Several datasets of real fingers loaded side by side (--dataset repeated), each database named
/// "dataset/database" (fvc2002/DB2_B) so --dpi-override can tell FVC2000's DB2_B from FVC2002's. Fingers of different
/// databases are different fingers; a file that cannot be read is counted and left out.
/// </summary>
internal sealed class RealFingerSets
{
    private readonly Option<IReadOnlyList<string>> _datasets = CliValues.Repeated("--dataset", "DIR",
        "A folder of files named like 101_1.tif or 012_3_1.tif (finger, impression), or a folder of such folders; repeatable.", path => path);

    private readonly DpiOptions _dpi = new();

    public IEnumerable<Option> Options => [_datasets, .. _dpi.Options];

    public LoadedFingers Load(ParseResult parsed, CommandContext context, bool json)
    {
        var roots = parsed.GetValue(_datasets) is { Count: > 0 } given
            ? given
            : throw new CliUsageException("Give at least one --dataset folder of real fingers.");
        var databases = roots.SelectMany(root =>
        {
            var dataset = FingerprintDataset.Open(root);
            var prefix = Path.GetFileName(Path.TrimEndingDirectorySeparator(root));
            return dataset.Databases.Select(d => d.Name == prefix ? d : d with { Name = $"{prefix}/{d.Name}" });
        }).ToList();
        var dpi = _dpi.Read(parsed);
        var extractor = new FingerprintExtractor();
        return context.Progress(json).Run(progress =>
        {
            var samples = databases.SelectMany(d => d.Samples.Select(s => (Database: d.Name, Sample: s))).ToList();
            var fingers = new RealFinger?[samples.Count];
            var failures = 0;
            var done = 0;
            Parallel.For(0, samples.Count, i =>
            {
                var (database, sample) = samples[i];
                try
                {
                    var template = FingerprintFile.Load(sample.Path, dpi.For(database), extractor).Template;
                    fingers[i] = new RealFinger(database, sample.Finger, sample.Impression, FingerDescriptor.Of(template));
                }
                catch (BiometricInputException)
                {
                    Interlocked.Increment(ref failures);
                }
                lock (fingers)
                {
                    progress.Report(new ProgressStep("reading fingers", ++done, samples.Count));
                }
            });
            return new LoadedFingers(fingers.OfType<RealFinger>().ToList(), failures);
        });
    }
}

/// <summary>One impression of one real finger, as its first-stage descriptor.</summary>
internal sealed record RealFinger(string Database, string Finger, int Impression, FingerDescriptor Descriptor)
{
    public bool SameFingerAs(RealFinger other) => Database == other.Database && Finger == other.Finger;
}

internal sealed record LoadedFingers(IReadOnlyList<RealFinger> Fingers, int Failures);
