using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Matcher.Cli.CommandLine;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// `matcher extract IMAGE [--dpi N] [--format native|iso|ansi] [--finger P] -o FILE`: extracts the minutiae of a
/// fingerprint image into a template file. Prints counts and quality only, never the template itself.
/// </summary>
internal sealed class ExtractCommand : ICliCommand
{
    /// <summary>Larger files are no fingerprint image; refuse them before reading.</summary>
    private const long MaxImageFileBytes = 64L * 1024 * 1024;

    private readonly Argument<string> _image = CommonOptions.ExistingFile("IMAGE", "The fingerprint image (any format the decoder recognises by content).");
    private readonly Option<int?> _dpi = DpiOptions.Dpi("Scanner resolution of the image (a WSQ file may declare its own).", required: false);
    private readonly Option<TemplateFormat?> _format = TemplateFormatOption.Create("--format", "Format of the template file (default native).");
    private readonly Option<int?> _finger = CliValues.WholeNumber("--finger",
        "ISO finger position recorded in the template, from 0 (unknown, the default) to 10.", minimum: 0, maximum: 10);
    private readonly Option<string> _output = CommonOptions.OutputFile("The template file to write.");
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "extract";

    public string Description => "Extract the minutiae of a fingerprint image into a template file; prints counts and quality only.";

    public IReadOnlyList<Argument> Arguments => [_image];

    public IReadOnlyList<Option> Options => [_dpi, _format, _finger, _output, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var format = parsed.GetValue(_format) ?? TemplateFormat.Native;
        var outputPath = parsed.GetRequiredValue(_output);
        var bytes = ReadImageFile(parsed.GetRequiredValue(_image));
        var dpi = parsed.GetValue(_dpi) ?? ImageDecoder.DeclaredDpi(bytes)
            ?? throw new CliUsageException("Give the scanner resolution with --dpi (only a WSQ file with a NIST comment declares its own).");
        var image = ImageDecoder.DecodeGray(bytes);
        var result = new FingerprintExtractor().Extract(image, dpi);
        var record = TemplateCodecs.Export(result.Template, format, parsed.GetValue(_finger) ?? 0);
        File.WriteAllBytes(outputPath, record);
        if (parsed.GetValue(_json))
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["minutiae"] = result.Template.Minutiae.Count,
                ["quality"] = result.Quality,
                ["foreground"] = result.ForegroundFraction,
                ["format"] = TemplateFormatOption.FormatName(format),
                ["bytes"] = record.Length,
            }));
            return 0;
        }
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {outputPath}: {result.Template.Minutiae.Count} minutiae, quality {result.Quality}, " +
            $"foreground {result.ForegroundFraction:P0}; {TemplateFormatOption.FormatName(format)}, {record.Length} bytes"));
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
