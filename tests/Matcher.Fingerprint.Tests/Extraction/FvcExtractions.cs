using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>One FVC2002 image with what the extractor made of it: a result, or the input problem it reported.</summary>
internal sealed record FvcExtraction(string Database, int Finger, int Impression, GrayImage Image,
    ExtractionResult? Result, BiometricInputException? Problem)
{
    public IReadOnlyList<Minutia> Minutiae => Result?.Template.Minutiae ?? [];

    public IReadOnlyList<Minutia> SecuGenMinutiae() =>
        SecuGenTemplates.Load(Database, Finger, Impression, Image.Width, Image.Height);
}

/// <summary>
/// All 320 FVC2002 B images extracted once per test run with the default options and shared by the tests that
/// need them (extraction of the whole set takes a few seconds).
/// </summary>
internal static class FvcExtractions
{
    public const int FirstFinger = 101;
    public const int Fingers = 10;
    public const int Impressions = 8;

    private static readonly Lazy<IReadOnlyList<FvcExtraction>> AllImages = new(ExtractAll);

    public static IReadOnlyList<FvcExtraction> All => AllImages.Value;

    public static IEnumerable<FvcExtraction> Of(string database) => All.Where(extraction => extraction.Database == database);

    public static FvcExtraction Get(string database, int finger, int impression) =>
        All.Single(e => e.Database == database && e.Finger == finger && e.Impression == impression);

    private static IReadOnlyList<FvcExtraction> ExtractAll()
    {
        var extractor = new FingerprintExtractor();
        var extractions = new List<FvcExtraction>();
        foreach (var database in FvcImages.Databases)
        {
            for (var finger = FirstFinger; finger < FirstFinger + Fingers; finger++)
            {
                for (var impression = 1; impression <= Impressions; impression++)
                {
                    var image = FvcImages.Load(database, finger, impression);
                    try
                    {
                        var result = extractor.Extract(image, FvcImages.DpiOf(database));
                        extractions.Add(new FvcExtraction(database, finger, impression, image, result, null));
                    }
                    catch (BiometricInputException problem)
                    {
                        extractions.Add(new FvcExtraction(database, finger, impression, image, null, problem));
                    }
                }
            }
        }
        return extractions;
    }
}
