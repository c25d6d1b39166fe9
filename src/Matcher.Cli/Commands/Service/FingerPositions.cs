using System.Globalization;
using System.Text;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>Finger positions on the command line: the ISO number (1-10) or a name such as right-index or left-thumb.</summary>
internal static class FingerPositions
{
    private static readonly FingerPosition[] Known = Enum.GetValues<FingerPosition>().Where(p => p != FingerPosition.Unspecified).ToArray();

    public static FingerPosition Parse(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 10)
        {
            return (FingerPosition)number;
        }
        foreach (var position in Known)
        {
            if (string.Equals(Name(position), text, StringComparison.OrdinalIgnoreCase))
            {
                return position;
            }
        }
        throw new CliUsageException($"Unknown finger position '{text}': use 1-10 or one of {string.Join(", ", Known.Select(Name))}.");
    }

    /// <summary>RightIndex becomes right-index; a number outside the enum stays a number.</summary>
    public static string Name(FingerPosition position)
    {
        var name = new StringBuilder();
        foreach (var character in position.ToString())
        {
            if (char.IsUpper(character) && name.Length > 0)
            {
                name.Append('-');
            }
            name.Append(char.ToLowerInvariant(character));
        }
        return name.ToString();
    }
}
