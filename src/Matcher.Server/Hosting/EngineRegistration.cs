using Matcher.Enrollment;
using Matcher.Fingerprint.Extraction;
using Matcher.Gallery;
using Matcher.Imaging;
using Matcher.Server.Samples;
using Microsoft.Extensions.Options;

namespace Matcher.Server.Hosting;

/// <summary>The engines are thread-safe and expensive to build: one instance each for the whole server.</summary>
internal static class EngineRegistration
{
    public static IServiceCollection AddMatcherEngines(this IServiceCollection services)
    {
        services.AddSingleton(provider => ImageLimits.Default with
        {
            MaxPixels = provider.GetRequiredService<IOptions<ServerOptions>>().Value.MaxImagePixels,
        });
        services.AddSingleton(_ => new FingerprintExtractor());
        services.AddSingleton<FingerprintSampleReader>();
        services.AddSingleton<FaceEngineProvider>();
        services.AddSingleton<FaceSampleReader>();
        services.AddSingleton<SamplesReader>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => provider.GetRequiredService<EnrollmentCore>().Registry);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ServerOptions>>().Value;
            var faces = provider.GetRequiredService<FaceEngineProvider>();
            var index = new SubjectIndex(new GalleryOptions
            {
                ShardCount = options.Shards == 0 ? Environment.ProcessorCount : options.Shards,
                FaceScoreOfSimilarity = cosine => faces.Engine.ScoreOfSimilarity(cosine),
            });
            return EnrollmentCore.Open(
                new EnrollmentOptions(options.DataDirectory, options.SnapshotEveryRecords, options.RequestIdTimeToLive),
                index, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>());
        });
        return services;
    }
}
