using System.Globalization;
using Google.Protobuf;
using Matcher.Contracts.V1;

namespace Matcher.Load.Planting;

/// <summary>
/// Real fingers planted beside the synthetic subjects: a folder of impressions named FINGER_IMPRESSION.EXT (as FVC
/// databases are: 101_1.tif ... 110_8.tif), each finger a subject enrolled with its first impression as an image, and
/// probed with its other impressions as images, which the service extracts. Real genuine pairs, real extraction work.
/// </summary>
public sealed class RealMates
{
    private readonly IReadOnlyList<RealFinger> _fingers;

    private RealMates(string name, int dpi, IReadOnlyList<RealFinger> fingers)
    {
        Name = name;
        Dpi = dpi;
        _fingers = fingers;
    }

    public string Name { get; }

    public int Dpi { get; }

    public int Count => _fingers.Count;

    /// <summary>Reads the folder's file names (not the images): fingers with at least two impressions.</summary>
    /// <exception cref="InvalidOperationException">No finger of the folder has two impressions.</exception>
    public static RealMates FromFolder(string folder, int dpi)
    {
        var fingers = Directory.EnumerateFiles(folder)
            .Select(path => (Path: path, Parts: Path.GetFileNameWithoutExtension(path).Split('_')))
            .Where(f => f.Parts.Length == 2 && int.TryParse(f.Parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .GroupBy(f => f.Parts[0], StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => int.Parse(f.Parts[1], CultureInfo.InvariantCulture)).Select(f => f.Path).ToList())
            .Where(impressions => impressions.Count >= 2)
            .OrderBy(impressions => impressions[0], StringComparer.Ordinal)
            .Select(impressions => new RealFinger(Path.GetFileNameWithoutExtension(impressions[0]).Split('_')[0], impressions))
            .ToList();
        var name = new DirectoryInfo(folder).Name;
        return fingers.Count > 0
            ? new RealMates(name, dpi, fingers)
            : throw new InvalidOperationException($"{folder} holds no finger with two impressions named FINGER_IMPRESSION (101_1.tif, 101_2.tif ...).");
    }

    public string SubjectIdOf(int finger) => $"real-{Name}-{_fingers[finger].Id}";

    /// <summary>The finger's first impression, as it is enrolled.</summary>
    public Samples Enrolled(int finger) => Sample(_fingers[finger].Impressions[0]);

    /// <summary>One of the finger's other impressions, chosen by <paramref name="seed"/>.</summary>
    public Samples Probe(int finger, ulong seed)
    {
        var impressions = _fingers[finger].Impressions;
        return Sample(impressions[1 + (int)(seed % (ulong)(impressions.Count - 1))]);
    }

    private Samples Sample(string path) => new()
    {
        Fingerprints =
        {
            new FingerprintSample
            {
                Position = FingerPosition.RightIndex,
                Image = new EncodedImage { Data = ByteString.CopyFrom(File.ReadAllBytes(path)), Dpi = (uint)Dpi },
            },
        },
    };

    private sealed record RealFinger(string Id, IReadOnlyList<string> Impressions);
}
