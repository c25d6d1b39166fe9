using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Fingerprint.Templates;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>A template format option (<c>native</c>, <c>iso</c> or <c>ansi</c>) of `matcher extract` and `matcher convert`.</summary>
internal static class TemplateFormatOption
{
    public const string Choices = "native|iso|ansi";

    public static Option<TemplateFormat?> Create(string name, string description) =>
        CliValues.Single<TemplateFormat?>(name, Choices, description, text => Parse(text, name));

    public static string FormatName(TemplateFormat format) => format switch
    {
        TemplateFormat.Native => "native MTF",
        TemplateFormat.Iso19794_2_2005 => "ISO/IEC 19794-2:2005",
        _ => "ANSI INCITS 378-2004",
    };

    private static TemplateFormat Parse(string text, string name) => text.ToLowerInvariant() switch
    {
        "native" or "mtf" => TemplateFormat.Native,
        "iso" => TemplateFormat.Iso19794_2_2005,
        "ansi" => TemplateFormat.Ansi378_2004,
        _ => throw new CliUsageException($"{name} must be native, iso or ansi, not '{text}'."),
    };
}
