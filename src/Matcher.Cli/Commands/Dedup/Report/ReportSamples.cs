using Matcher.Cli.Commands.Population;
using Matcher.Contracts.V1;
using Matcher.Fingerprint.Extraction;

namespace Matcher.Cli.Commands.Dedup.Report;

/// <summary>
/// Where the report finds a subject's samples: the manifests the operator gave (as for `matcher population import`),
/// each for one gallery (<c>GALLERY=FILE</c>) or for any (<c>FILE</c>), the first naming a subject winning. Only the
/// rows of the job's subjects are kept; their files are read when their cluster is written.
/// </summary>
internal sealed class ReportSamples
{
    private readonly Dictionary<JobSubject, (SampleManifest Manifest, ManifestSubject Subject)> _subjects;
    private readonly FingerprintExtractor _extractor = new();

    private ReportSamples(Dictionary<JobSubject, (SampleManifest, ManifestSubject)> subjects) => _subjects = subjects;

    /// <summary>How many of the job's subjects some manifest names.</summary>
    public int Count => _subjects.Count;

    /// <summary>Reads every manifest once; a mistake in one stops the report before anything is written.</summary>
    public static ReportSamples Read(IReadOnlyList<ManifestChoice> manifests, IReadOnlySet<JobSubject> wanted)
    {
        var subjects = new Dictionary<JobSubject, (SampleManifest, ManifestSubject)>();
        var galleries = wanted.Select(s => s.Gallery).Distinct().ToList();
        foreach (var choice in manifests)
        {
            var manifest = SampleManifest.Open(choice.Path);
            try
            {
                foreach (var subject in manifest.Subjects())
                {
                    foreach (var gallery in choice.Gallery is { } only ? [only] : galleries)
                    {
                        var key = new JobSubject { Gallery = gallery, SubjectId = subject.SubjectId };
                        if (wanted.Contains(key))
                        {
                            subjects.TryAdd(key, (manifest, subject));
                        }
                    }
                }
            }
            catch (ManifestException e)
            {
                throw new CliFailureException($"{e.Message} No report was written.");
            }
        }
        return new ReportSamples(subjects);
    }

    /// <summary>The subject's samples, read from their files now; null when no manifest names the subject.</summary>
    public SubjectSamples? Load(JobSubject subject) =>
        _subjects.TryGetValue(subject, out var entry) ? SubjectSamples.Load(entry.Manifest, entry.Subject, _extractor) : null;
}

/// <summary>One --manifest: the file, and the gallery it is for (null: any gallery of the job).</summary>
internal sealed record ManifestChoice(string? Gallery, string Path)
{
    public const string Syntax = "[GALLERY=]FILE";

    /// <summary>An existing file is taken whole (a file name may hold '='); otherwise GALLERY=FILE.</summary>
    public static ManifestChoice Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (File.Exists(text) || equals <= 0)
        {
            return new ManifestChoice(null, text);
        }
        return new ManifestChoice(text[..equals], text[(equals + 1)..]);
    }
}
