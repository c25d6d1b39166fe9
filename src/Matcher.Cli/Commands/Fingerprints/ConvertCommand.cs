using System.Globalization;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>`matcher convert IN --to native|iso|ansi -o OUT`: rewrites a template record, all views, in another format.</summary>
internal sealed class ConvertCommand : ICliCommand
{
    public string Name => "convert";

    public string Usage => "convert TEMPLATE --to native|iso|ansi -o OUT   (input format is recognised by content)";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var inputPath = arguments.RequirePositional(0, "template file");
        var format = ParseFormat(arguments.RequireOption("to"), "to");
        var outputPath = arguments.RequireOption("o");
        if (!File.Exists(inputPath))
        {
            throw new CliUsageException($"File '{inputPath}' does not exist.");
        }
        var input = ReadTemplateFile(inputPath);
        var sourceFormat = TemplateCodecs.Detect(input);
        var views = TemplateCodecs.Import(input);
        var converted = TemplateCodecs.Export(views, format);
        File.WriteAllBytes(outputPath, converted);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {outputPath}: {converted.Length} bytes, {FormatName(format)}, from {FormatName(sourceFormat)}; " +
            $"{views.Count} view(s), {views.Sum(v => v.Template.Minutiae.Count)} minutiae"));
        return 0;
    }

    /// <summary>The value of a format option (<c>native</c>, <c>iso</c> or <c>ansi</c>); shared with `matcher extract`.</summary>
    internal static TemplateFormat ParseFormat(string text, string option) => text.ToLowerInvariant() switch
    {
        "native" or "mtf" => TemplateFormat.Native,
        "iso" => TemplateFormat.Iso19794_2_2005,
        "ansi" => TemplateFormat.Ansi378_2004,
        _ => throw new CliUsageException($"--{option} must be native, iso or ansi, not '{text}'."),
    };

    internal static string FormatName(TemplateFormat format) => format switch
    {
        TemplateFormat.Native => "native MTF",
        TemplateFormat.Iso19794_2_2005 => "ISO/IEC 19794-2:2005",
        _ => "ANSI INCITS 378-2004",
    };

    /// <summary>Checks the size on disk first so an oversized file is refused without being read.</summary>
    private static byte[] ReadTemplateFile(string path)
    {
        var length = new FileInfo(path).Length;
        var limit = TemplateImportOptions.Default.MaxRecordBytes;
        if (length > limit)
        {
            throw BiometricInputException.TooLarge("template.too_large",
                $"'{Path.GetFileName(path)}' is {length:N0} bytes; a fingerprint template is at most {limit:N0} bytes.");
        }
        return File.ReadAllBytes(path);
    }
}
