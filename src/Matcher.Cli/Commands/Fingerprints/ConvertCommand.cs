using System.CommandLine;
using System.Globalization;
using Matcher.Cli.CommandLine;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>`matcher convert IN --to native|iso|ansi -o OUT`: rewrites a template record, all views, in another format.</summary>
internal sealed class ConvertCommand : ICliCommand
{
    private readonly Argument<string> _input = CommonOptions.ExistingFile("TEMPLATE", "The template record; its format is recognised by content.");
    private readonly Option<TemplateFormat?> _to = ToOption();
    private readonly Option<string> _output = CommonOptions.OutputFile("The template file to write.");

    public string Name => "convert";

    public string Description => "Rewrite a fingerprint template record, every view, in another format.";

    public IReadOnlyList<Argument> Arguments => [_input];

    public IReadOnlyList<Option> Options => [_to, _output];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var format = parsed.GetValue(_to)!.Value;
        var outputPath = parsed.GetRequiredValue(_output);
        var input = ReadTemplateFile(parsed.GetRequiredValue(_input));
        var sourceFormat = TemplateCodecs.Detect(input);
        var views = TemplateCodecs.Import(input);
        var converted = TemplateCodecs.Export(views, format);
        File.WriteAllBytes(outputPath, converted);
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {outputPath}: {converted.Length} bytes, {TemplateFormatOption.FormatName(format)}, from {TemplateFormatOption.FormatName(sourceFormat)}; " +
            $"{views.Count} view(s), {views.Sum(v => v.Template.Minutiae.Count)} minutiae"));
        return 0;
    }

    private static Option<TemplateFormat?> ToOption()
    {
        var option = TemplateFormatOption.Create("--to", "Format to write.");
        option.Required = true;
        return option;
    }

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
