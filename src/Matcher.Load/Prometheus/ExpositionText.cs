using System.Globalization;

namespace Matcher.Load.Prometheus;

/// <summary>One sample line: metric name, labels, value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}

/// <summary>A metric family: its TYPE, HELP and samples.</summary>
public sealed record PrometheusFamily(string Name, string Type, string? Help, IReadOnlyList<PrometheusSample> Samples);

public sealed class ExpositionFormatException(int line, string message) : FormatException($"Prometheus text line {line}: {message}")
{
    public int Line { get; } = line;
}

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4: every line is a # HELP, a # TYPE, another comment,
/// or a sample <c>name{label="value",...} value [timestamp]</c>; names and label names must be valid, label values
/// use only the \\, \" and \n escapes, a family's TYPE comes before its samples and its samples stand together, a
/// name is typed at most once, and a histogram's buckets are cumulative with +Inf equal to its _count. Anything else
/// is refused with the line number.
/// </summary>
public static class ExpositionText
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyList<PrometheusFamily> Parse(string text)
    {
        var families = new List<FamilyBuilder>();
        var byName = new Dictionary<string, FamilyBuilder>(StringComparer.Ordinal);
        FamilyBuilder? current = null;
        var lines = text.Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length >= 3 && parts[0] == "#" && parts[1] is "HELP" or "TYPE")
                {
                    var name = parts[2];
                    RequireName(name, number);
                    var family = Family(name, number);
                    if (parts[1] == "TYPE")
                    {
                        var type = parts.Length == 4 ? parts[3] : throw new ExpositionFormatException(number, $"TYPE of {name} names no type.");
                        if (!Types.Contains(type))
                        {
                            throw new ExpositionFormatException(number, $"Unknown type '{type}'.");
                        }
                        if (family.Type is not null)
                        {
                            throw new ExpositionFormatException(number, $"{name} is typed twice.");
                        }
                        if (family.Samples.Count > 0)
                        {
                            throw new ExpositionFormatException(number, $"TYPE of {name} comes after its samples.");
                        }
                        family.Type = type;
                    }
                    else
                    {
                        family.Help = parts.Length == 4 ? parts[3] : "";
                    }
                }
                continue;
            }
            var sample = ParseSample(line, number);
            var owner = FamilyOf(sample.Name, byName);
            if (owner is null)
            {
                owner = Family(sample.Name, number);
            }
            else if (!ReferenceEquals(owner, current) && owner.Samples.Count > 0)
            {
                throw new ExpositionFormatException(number, $"The samples of {owner.Name} do not stand together.");
            }
            current = owner;
            owner.Samples.Add(sample);
        }
        foreach (var family in families)
        {
            if (family.Type == "histogram")
            {
                CheckHistogram(family);
            }
        }
        return [.. families.Select(f => new PrometheusFamily(f.Name, f.Type ?? "untyped", f.Help, f.Samples))];

        FamilyBuilder Family(string name, int number)
        {
            if (!byName.TryGetValue(name, out var family))
            {
                family = new FamilyBuilder(name);
                byName[name] = family;
                families.Add(family);
            }
            else if (!ReferenceEquals(family, current) && family.Samples.Count > 0)
            {
                throw new ExpositionFormatException(number, $"{name} is described again after its samples.");
            }
            current = family;
            return family;
        }
    }

    /// <summary>Every sample of every family, by name.</summary>
    public static IEnumerable<PrometheusSample> Samples(this IEnumerable<PrometheusFamily> families, string name) =>
        families.SelectMany(f => f.Samples).Where(s => s.Name == name);

    private static FamilyBuilder? FamilyOf(string sampleName, Dictionary<string, FamilyBuilder> byName)
    {
        if (byName.TryGetValue(sampleName, out var exact))
        {
            return exact;
        }
        foreach (var suffix in (string[])["_bucket", "_sum", "_count", "_total", "_created"])
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal)
                && byName.TryGetValue(sampleName[..^suffix.Length], out var family)
                && family.Type is "histogram" or "summary" or "counter")
            {
                return family;
            }
        }
        return null;
    }

    private static PrometheusSample ParseSample(string line, int number)
    {
        var position = 0;
        while (position < line.Length && line[position] is not '{' and not ' ')
        {
            position++;
        }
        var name = line[..position];
        RequireName(name, number);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (true)
            {
                if (position >= line.Length)
                {
                    throw new ExpositionFormatException(number, "Unterminated label set.");
                }
                if (line[position] == '}')
                {
                    position++;
                    break;
                }
                var start = position;
                while (position < line.Length && line[position] != '=')
                {
                    position++;
                }
                var label = line[start..position];
                if (!IsLabelName(label))
                {
                    throw new ExpositionFormatException(number, $"Invalid label name '{label}'.");
                }
                if (position + 1 >= line.Length || line[position + 1] != '"')
                {
                    throw new ExpositionFormatException(number, $"Label {label} has no quoted value.");
                }
                position += 2;
                var value = new System.Text.StringBuilder();
                while (true)
                {
                    if (position >= line.Length)
                    {
                        throw new ExpositionFormatException(number, $"Unterminated value of label {label}.");
                    }
                    var c = line[position++];
                    if (c == '"')
                    {
                        break;
                    }
                    if (c == '\\')
                    {
                        var escaped = position < line.Length ? line[position++] : ' ';
                        value.Append(escaped switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new ExpositionFormatException(number, $"Invalid escape in the value of label {label}."),
                        });
                        continue;
                    }
                    value.Append(c);
                }
                if (!labels.TryAdd(label, value.ToString()))
                {
                    throw new ExpositionFormatException(number, $"Label {label} appears twice.");
                }
                if (position < line.Length && line[position] == ',')
                {
                    position++;
                }
                else if (position >= line.Length || line[position] != '}')
                {
                    throw new ExpositionFormatException(number, "Labels must be separated by commas.");
                }
            }
        }
        if (position >= line.Length || line[position] != ' ')
        {
            throw new ExpositionFormatException(number, $"{name} has no value.");
        }
        var rest = line[(position + 1)..].Split(' ');
        if (rest.Length is 0 or > 2 || !TryValue(rest[0], out var sampleValue))
        {
            throw new ExpositionFormatException(number, $"Invalid value '{line[(position + 1)..]}'.");
        }
        if (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new ExpositionFormatException(number, $"Invalid timestamp '{rest[1]}'.");
        }
        return new PrometheusSample(name, labels, sampleValue);
    }

    private static bool TryValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }
    }

    private static void CheckHistogram(FamilyBuilder family)
    {
        var series = family.Samples
            .GroupBy(s => string.Join(',', s.Labels.Where(l => l.Key != "le").Select(l => $"{l.Key}={l.Value}")), StringComparer.Ordinal);
        foreach (var one in series)
        {
            var buckets = one.Where(s => s.Name == family.Name + "_bucket").ToList();
            var count = one.FirstOrDefault(s => s.Name == family.Name + "_count")
                ?? throw new ExpositionFormatException(0, $"Histogram {family.Name} {{{one.Key}}} has no _count.");
            if (!one.Any(s => s.Name == family.Name + "_sum"))
            {
                throw new ExpositionFormatException(0, $"Histogram {family.Name} {{{one.Key}}} has no _sum.");
            }
            var previous = (Bound: double.NegativeInfinity, Count: 0.0);
            foreach (var bucket in buckets)
            {
                if (!bucket.Labels.TryGetValue("le", out var le) || !TryValue(le, out var bound))
                {
                    throw new ExpositionFormatException(0, $"A bucket of {family.Name} has no valid le label.");
                }
                if (bound <= previous.Bound || bucket.Value < previous.Count)
                {
                    throw new ExpositionFormatException(0, $"The buckets of {family.Name} {{{one.Key}}} are not increasing and cumulative.");
                }
                previous = (bound, bucket.Value);
            }
            if (buckets.Count == 0 || !double.IsPositiveInfinity(previous.Bound) || previous.Count != count.Value)
            {
                throw new ExpositionFormatException(0, $"Histogram {family.Name} {{{one.Key}}} must end with a +Inf bucket equal to its _count.");
            }
        }
    }

    private static void RequireName(string name, int number)
    {
        var valid = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or ':')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');
        if (!valid)
        {
            throw new ExpositionFormatException(number, $"Invalid metric name '{name}'.");
        }
    }

    private static bool IsLabelName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private sealed class FamilyBuilder(string name)
    {
        public string Name { get; } = name;

        public string? Type { get; set; }

        public string? Help { get; set; }

        public List<PrometheusSample> Samples { get; } = [];
    }
}
