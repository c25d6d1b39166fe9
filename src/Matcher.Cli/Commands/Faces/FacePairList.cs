using System.Globalization;

namespace Matcher.Cli.Commands.Faces;

/// <summary>Reads a pairs CSV (image1, image2, same 0/1, optional fold) or builds pairs from one folder per person.</summary>
internal static class FacePairList
{
    public const int FoldCount = 10;

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".pgm", ".ppm", ".webp", ".tif", ".tiff"];

    public static List<FacePair> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count == 0)
        {
            throw new CliUsageException($"The pairs file '{path}' is empty.");
        }
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        var (image1, image2, same, fold) = (Column("image1"), Column("image2"), Column("same"), Column("fold"));
        if (image1 < 0 || image2 < 0 || same < 0)
        {
            throw new CliUsageException($"The pairs file '{path}' needs a header with the columns image1, image2, same (and optionally fold).");
        }
        var pairs = new List<FacePair>(lines.Count - 1);
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length < header.Count || cells[same] is not ("0" or "1"))
            {
                throw new CliUsageException($"Line {i + 1} of '{path}' is not a valid pair (expected {header.Count} columns and same = 0 or 1).");
            }
            int? foldNumber = null;
            if (fold >= 0)
            {
                foldNumber = int.TryParse(cells[fold], NumberStyles.Integer, CultureInfo.InvariantCulture, out var f)
                    ? f
                    : throw new CliUsageException($"Line {i + 1} of '{path}': fold '{cells[fold]}' is not a whole number.");
            }
            pairs.Add(new FacePair(cells[image1], cells[image2], cells[same] == "1", foldNumber));
        }
        return pairs;
    }

    /// <summary>
    /// Every same-person pair of a root whose sub-folders are people, plus as many different-person pairs drawn with a
    /// fixed seed, dealt round-robin into ten folds so the 10-fold protocol applies.
    /// </summary>
    public static List<FacePair> FromFolders(string root, int seed)
    {
        var people = ImagesByPerson(root);
        var genuine = new List<FacePair>();
        foreach (var images in people.Values)
        {
            for (var i = 0; i < images.Count; i++)
            {
                for (var j = i + 1; j < images.Count; j++)
                {
                    genuine.Add(new FacePair(images[i], images[j], true, null));
                }
            }
        }
        var random = new Random(seed);
        var names = people.Keys.ToArray();
        var impostors = new HashSet<FacePair>();
        var possible = ImpostorPairCount(people);
        while (impostors.Count < Math.Min(genuine.Count, possible))
        {
            var a = random.Next(names.Length);
            var b = random.Next(names.Length);
            if (a == b)
            {
                continue;
            }
            var first = people[names[Math.Min(a, b)]];
            var second = people[names[Math.Max(a, b)]];
            impostors.Add(new FacePair(first[random.Next(first.Count)], second[random.Next(second.Count)], false, null));
        }
        return genuine.Concat(impostors).Select((p, i) => p with { Fold = i % FoldCount }).ToList();
    }

    /// <summary>Image paths relative to the root, grouped by person folder, both in ordinal order.</summary>
    public static SortedDictionary<string, List<string>> ImagesByPerson(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new CliUsageException($"The image root '{root}' does not exist.");
        }
        var people = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!ImageExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
            {
                continue;
            }
            var relative = Path.GetRelativePath(root, file);
            var person = Path.GetDirectoryName(relative) ?? string.Empty;
            if (!people.TryGetValue(person, out var images))
            {
                people[person] = images = [];
            }
            images.Add(relative);
        }
        foreach (var images in people.Values)
        {
            images.Sort(StringComparer.Ordinal);
        }
        return people;
    }

    private static long ImpostorPairCount(SortedDictionary<string, List<string>> people)
    {
        long total = people.Values.Sum(p => (long)p.Count);
        return people.Values.Sum(p => p.Count * (total - p.Count)) / 2;
    }
}
