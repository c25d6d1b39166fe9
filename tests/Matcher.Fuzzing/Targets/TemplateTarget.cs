using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;

namespace Matcher.Fuzzing.Targets;

/// <summary>
/// The ISO 19794-2, ANSI 378 and native template readers: a refusal is a <see cref="BiometricInputException"/>, and
/// whatever is accepted must be a template the service can store again.
/// </summary>
internal sealed class TemplateTarget : FuzzTarget
{
    public override string Name => "template";

    public override string Description => "ISO/IEC 19794-2, ANSI 378 and native template readers";

    public override FuzzOutcome Run(byte[] input)
    {
        IReadOnlyList<FingerprintView> views;
        try
        {
            views = TemplateCodecs.Import(input);
        }
        catch (BiometricInputException)
        {
            return FuzzOutcome.Refused;
        }
        if (views.Count == 0)
        {
            throw new BrokenInvariantException("An accepted template record holds no finger view.");
        }
        TemplateCodecs.Export(views, TemplateFormat.Native);
        return FuzzOutcome.Accepted;
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        var (position, template) = SyntheticSamples.Fingers(1).Single();
        yield return ("native", TemplateCodecs.Export(template, TemplateFormat.Native, position));
        yield return ("iso", TemplateCodecs.Export(template, TemplateFormat.Iso19794_2_2005, position));
        yield return ("ansi", TemplateCodecs.Export(template, TemplateFormat.Ansi378_2004, position));
    }
}
