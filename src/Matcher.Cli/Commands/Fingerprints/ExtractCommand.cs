using System.Globalization;
using System.Text.Json;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// `matcher extract IMAGE --dpi N [--format native|iso|ansi] [--finger P] -o FILE`: extracts the minutiae of a
/// fingerprint image into a template file. Prints counts and quality only, never the template itself.
/// </summary>
internal sealed class ExtractCommand : ICliCommand
{
    /// <summary>Larger files are no fingerprint image; refuse them before reading.</summary>
    private const long MaxImageFileBytes = 64L * 1024 * 1024;

    public string Name => "extract";

    public string Usage => "extract IMAGE --dpi N [--format native|iso|ansi] [--finger 0-10] -o FILE [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var imagePath = arguments.RequirePositional(0, "image file");
        var dpi = arguments.IntOption("dpi") ?? throw new CliUsageException("Give the scanner resolution with --dpi (for example --dpi 500).");
        var format = ConvertCommand.ParseFormat(arguments.Option("format") ?? "native", "format");
        var finger = arguments.IntOption("finger") ?? 0;
        var outputPath = arguments.RequireOption("o");
        var json = arguments.HasFlag("json");
        if (finger is < 0 or > 10)
        {
            throw new CliUsageException($"--finger must be an ISO finger position from 0 (unknown) to 10, not {finger}.");
        }
        if (!File.Exists(imagePath))
        {
            throw new CliUsageException($"File '{imagePath}' does not exist.");
        }
        var image = ImageDecoder.DecodeGray(ReadImageFile(imagePath));
        var result = new FingerprintExtractor().Extract(image, dpi);
        var record = TemplateCodecs.Export(result.Template, format, finger);
        File.WriteAllBytes(outputPath, record);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["minutiae"] = result.Template.Minutiae.Count,
                ["quality"] = result.Quality,
                ["foreground"] = result.ForegroundFraction,
                ["format"] = ConvertCommand.FormatName(format),
                ["bytes"] = record.Length,
            }));
            return 0;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {outputPath}: {result.Template.Minutiae.Count} minutiae, quality {result.Quality}, " +
            $"foreground {result.ForegroundFraction:P0}; {ConvertCommand.FormatName(format)}, {record.Length} bytes"));
        return 0;
    }

    private static byte[] ReadImageFile(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxImageFileBytes)
        {
            throw BiometricInputException.TooLarge("file.too_large",
                $"'{Path.GetFileName(path)}' is {length:N0} bytes; a fingerprint image is far smaller.");
        }
        return File.ReadAllBytes(path);
    }
}
