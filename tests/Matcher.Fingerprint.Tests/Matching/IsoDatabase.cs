using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>
/// The SecuGen ISO 19794-2 templates of one FVC2002 B database (80 files, FFF_I.iso), read once per process and
/// shared by the tests, with their prepared probes and candidates.
/// </summary>
internal sealed class IsoDatabase
{
    private static readonly Dictionary<string, IsoDatabase> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Guard = new();

    private IsoDatabase(string directory)
    {
        var files = Directory.GetFiles(directory, "*.iso").Order(StringComparer.Ordinal).ToArray();
        Fingers = files.Select(f => Path.GetFileName(f)[..3]).ToArray();
        Templates = files.Select(f => TemplateCodecs.Import(File.ReadAllBytes(f))[0].Template).ToArray();
        Probes = Templates.Select(t => new PreparedProbe(t)).ToArray();
        Candidates = Templates.Select(t => new MatchCandidate(t)).ToArray();
    }

    public IReadOnlyList<string> Fingers { get; }

    public IReadOnlyList<FingerprintTemplate> Templates { get; }

    public IReadOnlyList<PreparedProbe> Probes { get; }

    public IReadOnlyList<MatchCandidate> Candidates { get; }

    public static IsoDatabase Open(string database)
    {
        var directory = Datasets.Require($"fingerprints/iso19794-2/openafis/fvc2002/{database}");
        lock (Guard)
        {
            if (!Loaded.TryGetValue(database, out var loaded))
            {
                loaded = new IsoDatabase(directory);
                Loaded[database] = loaded;
            }
            return loaded;
        }
    }

    /// <summary>Scores of every pair (earlier file as probe), split into genuine and impostor.</summary>
    public (List<double> Genuine, List<double> Impostor) AllPairs()
    {
        var genuine = new List<double>();
        var impostor = new List<double>();
        for (var i = 0; i < Templates.Count; i++)
        {
            for (var j = i + 1; j < Templates.Count; j++)
            {
                (Fingers[i] == Fingers[j] ? genuine : impostor).Add(FingerprintMatcher.Compare(Probes[i], Candidates[j]));
            }
        }
        return (genuine, impostor);
    }
}
