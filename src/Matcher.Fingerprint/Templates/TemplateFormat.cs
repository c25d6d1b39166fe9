namespace Matcher.Fingerprint.Templates;

/// <summary>The serialised template formats <see cref="TemplateCodecs"/> reads and writes.</summary>
public enum TemplateFormat
{
    /// <summary>Our own compact, checksummed format ("MTF"), described in docs/template-format.md.</summary>
    Native,

    /// <summary>ISO/IEC 19794-2:2005 finger minutiae record.</summary>
    Iso19794_2_2005,

    /// <summary>ANSI INCITS 378-2004 finger minutiae record.</summary>
    Ansi378_2004,
}
