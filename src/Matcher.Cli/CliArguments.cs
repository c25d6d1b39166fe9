using System.Globalization;

namespace Matcher.Cli;

/// <summary>Positional arguments and options (<c>--name value</c>, <c>-o value</c>, <c>--flag</c>) of one command.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeatedValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> words, IReadOnlySet<string> flagNames)
    {
        var positional = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith('-') && word.Length > 1 && !double.TryParse(word, CultureInfo.InvariantCulture, out _))
            {
                var name = word.TrimStart('-');
                if (flagNames.Contains(name))
                {
                    _options[name] = null;
                }
                else if (i + 1 < words.Count)
                {
                    var value = words[++i];
                    _options[name] = value;
                    if (!_repeatedValues.TryGetValue(name, out var values))
                    {
                        _repeatedValues[name] = values = [];
                    }
                    values.Add(value);
                }
                else
                {
                    throw new CliUsageException($"Option {word} needs a value.");
                }
            }
            else
            {
                positional.Add(word);
            }
        }
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public string RequirePositional(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new CliUsageException($"Missing {what}.");

    public bool HasFlag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Option(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    /// <summary>
    /// Every value of an option that may be given several times (<c>--finger 1=a.tif --finger 2=b.tif</c>), in
    /// command-line order; <see cref="Option"/> returns only the last one.
    /// </summary>
    public IReadOnlyList<string> Options(string name)
    {
        _read.Add(name);
        return _repeatedValues.TryGetValue(name, out var values) ? values : [];
    }

    public string RequireOption(string name) =>
        Option(name) ?? throw new CliUsageException($"Missing required option --{name}.");

    public int? IntOption(string name)
    {
        var text = Option(name);
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"Option --{name} must be a whole number, not '{text}'.");
    }

    public double? DoubleOption(string name)
    {
        var text = Option(name);
        if (text is null)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"Option --{name} must be a number, not '{text}'.");
    }

    /// <summary>Options given on the command line that the command never asked for: most likely typos.</summary>
    public IEnumerable<string> UnreadOptions => _options.Keys.Where(k => !_read.Contains(k));
}

/// <summary>A command line the user must correct; printed with the command's usage, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>A command that failed for a reason outside the command line (a service refused or is unreachable); printed as is, exit code 1.</summary>
internal sealed class CliFailureException(string message) : Exception(message);
