using System.Globalization;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>One <c>--finger POS=PATH[@DPI]</c> as written; the file itself is read when the request is built.</summary>
internal sealed record FingerArgument(FingerPosition Position, string Path, int? Dpi)
{
    public const string Syntax = "POS=PATH[@DPI]";

    public static FingerArgument Parse(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            throw new CliUsageException($"--finger expects {Syntax}, such as right-index=101_1.tif@500, not '{value}'.");
        }
        var position = FingerPositions.Parse(value[..equals]);
        var (path, dpi) = SplitDpi(value[(equals + 1)..]);
        return new FingerArgument(position, path, dpi);
    }

    /// <summary>A trailing @digits is the resolution; any other @ belongs to the file name.</summary>
    private static (string Path, int? Dpi) SplitDpi(string text)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1 || !text[(at + 1)..].All(char.IsAsciiDigit))
        {
            return (text, null);
        }
        return int.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var dpi)
            ? (text[..at], dpi)
            : throw new CliUsageException($"The resolution in '{text}' is not a plausible dpi.");
    }
}
