using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;
using Xunit;

namespace Matcher.Fingerprint.Tests.Templates;

/// <summary>The shared ISO/ANSI sample records and small helpers the template tests share.</summary>
internal static class TemplateSamples
{
    public static string Folder(string relative) => Datasets.Require(Path.Combine("fingerprints", "iso19794-2", relative));

    public static byte[] Read(string relative) => File.ReadAllBytes(Folder(relative));

    public static IReadOnlyList<string> OpenAfisValid() =>
        Directory.GetFiles(Folder(Path.Combine("openafis", "fvc2002")), "*.iso", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static BiometricInputException ImportFails(byte[] data) =>
        Assert.Throws<BiometricInputException>(() => TemplateCodecs.Import(data));

    /// <summary>Angular distance in radians, accounting for wrap-around.</summary>
    public static double AngleDifference(double a, double b)
    {
        var difference = Math.Abs(a - b) % (2 * Math.PI);
        return Math.Min(difference, (2 * Math.PI) - difference);
    }
}
