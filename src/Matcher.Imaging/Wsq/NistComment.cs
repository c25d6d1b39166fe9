using System.Globalization;
using System.Text;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// The NIST_COM comment (ANSI/NIST-ITL, written by NIST's WSQ encoders): text lines "NAME value", the first being
/// "NIST_COM n" with n the number of lines. The WSQ frame has no resolution field, so PPI here is where a WSQ file
/// states its resolution.
/// </summary>
internal static class NistComment
{
    private const string Tag = "NIST_COM";

    public static bool IsNistComment(ReadOnlySpan<byte> text) => text.StartsWith("NIST_COM"u8);

    /// <summary>
    /// The PPI the comment states: the last PPI line with a positive whole number (NIST writes -1 for unknown), or null.
    /// </summary>
    public static int? Ppi(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)0);
        if (end >= 0)
        {
            text = text[..end];
        }
        int? ppi = null;
        foreach (var line in Encoding.ASCII.GetString(text).Split('\n'))
        {
            var trimmed = line.Trim(' ', '\t', '\r');
            var space = trimmed.IndexOfAny([' ', '\t']);
            if (space <= 0 || trimmed[..space] != "PPI")
            {
                continue;
            }
            if (int.TryParse(trimmed[(space + 1)..].Trim(' ', '\t'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                ppi = value > 0 ? value : null;
            }
        }
        return ppi;
    }

    /// <summary>The comment the encoder writes: size, depth, resolution and compression, as NIST's encoders do.</summary>
    public static byte[] Build(int width, int height, int ppi, double bitsPerPixel)
    {
        string[] fields =
        [
            $"PIX_WIDTH {width}",
            $"PIX_HEIGHT {height}",
            "PIX_DEPTH 8",
            $"PPI {ppi}",
            "LOSSY 1",
            "COLORSPACE GRAY",
            "COMPRESSION WSQ",
            string.Create(CultureInfo.InvariantCulture, $"WSQ_BITRATE {bitsPerPixel:0.000000}"),
        ];
        return Encoding.ASCII.GetBytes($"{Tag} {fields.Length + 1}\n" + string.Join('\n', fields));
    }
}
