using EngineFormat = Matcher.Fingerprint.Templates.TemplateFormat;
using WireFormat = Matcher.Contracts.V1.TemplateFormat;

namespace Matcher.Server.Samples;

/// <summary>Maps template format names between the wire contract and the fingerprint engine.</summary>
internal static class ContractFormats
{
    public static WireFormat FromEngine(EngineFormat format) => format switch
    {
        EngineFormat.Native => WireFormat.Native,
        EngineFormat.Iso19794_2_2005 => WireFormat.Iso1979422005,
        EngineFormat.Ansi378_2004 => WireFormat.Ansi3782004,
        _ => WireFormat.Unspecified,
    };

    public static EngineFormat ToEngine(WireFormat format, string field) => format switch
    {
        WireFormat.Unspecified or WireFormat.Native => EngineFormat.Native,
        WireFormat.Iso1979422005 => EngineFormat.Iso19794_2_2005,
        WireFormat.Ansi3782004 => EngineFormat.Ansi378_2004,
        _ => throw new Errors.InvalidRequestException(field, $"Template format {(int)format} is not known."),
    };
}
