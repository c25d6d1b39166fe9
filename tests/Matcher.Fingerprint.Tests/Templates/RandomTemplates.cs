using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Tests.Templates;

/// <summary>Random but valid views for round-trip and fuzz tests; callers pass a seeded <see cref="Random"/>.</summary>
internal static class RandomTemplates
{
    public static FingerprintView View(Random random, int maxMinutiae = 80)
    {
        var width = random.Next(200, 800);
        var height = random.Next(200, 800);
        var minutiae = new Minutia[random.Next(0, maxMinutiae + 1)];
        for (var i = 0; i < minutiae.Length; i++)
        {
            minutiae[i] = new Minutia(
                random.Next(width),
                random.Next(height),
                (float)(random.NextDouble() * 2 * Math.PI),
                (MinutiaType)random.Next(3),
                (byte)random.Next(101));
        }
        var template = new FingerprintTemplate(width, height, minutiae, (byte)random.Next(101));
        return new FingerprintView(random.Next(11), random.Next(16), random.Next(4), template);
    }

    public static List<FingerprintView> Views(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => View(random)).ToList();
}
