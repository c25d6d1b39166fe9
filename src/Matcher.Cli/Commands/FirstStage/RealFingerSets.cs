using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Fingerprints;
using Matcher.Cli.Display;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Descriptors;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Templates;

namespace Matcher.Cli.Commands.FirstStage;

/// <summary>
/// Several datasets of real fingers loaded side by side (--dataset repeated), each database named
/// "dataset/database" (fvc2002/DB2_B) so --dpi-override can tell FVC2000's DB2_B from FVC2002's. Fingers of different
/// databases are different fingers unless --same-fingers says the databases recorded the same people (FVC2000 DB1_B
/// and DB2_B do: equal finger ids across them score as mates); a file that cannot be read is counted and left out.
/// </summary>
internal sealed class RealFingerSets
{
    private readonly Option<IReadOnlyList<string>> _datasets = CliValues.Repeated("--dataset", "DIR",
        "A folder of files named like 101_1.tif or 012_3_1.tif (finger, impression), or a folder of such folders; repeatable.", path => path);

    private readonly Option<IReadOnlyList<string[]>> _sameFingers = CliValues.Repeated("--same-fingers", "DB,DB[,...]",
        "Databases that recorded the same fingers (equal finger ids are mates across them), such as fvc2000/DB1_B,fvc2000/DB2_B; repeatable.",
        value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private readonly DpiOptions _dpi = new();

    public IEnumerable<Option> Options => [_datasets, _sameFingers, .. _dpi.Options];

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
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in parsed.GetValue(_sameFingers) ?? [])
        {
            if (group.FirstOrDefault(name => databases.All(d => d.Name != name)) is { } unknown)
            {
                throw new CliUsageException($"--same-fingers names '{unknown}', which is none of the databases: {string.Join(", ", databases.Select(d => d.Name))}.");
            }
            foreach (var name in group)
            {
                groupOf[name] = string.Join('+', group);
            }
        }
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
                    fingers[i] = new RealFinger(database, groupOf.GetValueOrDefault(database, database), sample.Finger, sample.Impression,
                        template, FingerDescriptor.Of(template));
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

/// <summary>One impression of one real finger and its first-stage descriptor; fingers of one group with one id are one finger.</summary>
internal sealed record RealFinger(string Database, string FingerGroup, string Finger, int Impression, FingerprintTemplate Template,
    FingerDescriptor Descriptor)
{
    public bool SameFingerAs(RealFinger other) => FingerGroup == other.FingerGroup && Finger == other.Finger;
}

internal sealed record LoadedFingers(IReadOnlyList<RealFinger> Fingers, int Failures);
