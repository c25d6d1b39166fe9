using Matcher.Fingerprint.Extraction;
using Matcher.Imaging;
using Matcher.Gallery;
using Matcher.Server.Cache;
using Matcher.Server.Samples;
using Matcher.Server.Services;
using Matcher.Server.Subjects;
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
        services.AddSingleton<GalleryLocks>();
        services.AddSingleton<RequestIdLocks>();
        services.AddSingleton<WarmCacheHost>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EnrollmentRequests>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ServerOptions>>().Value;
            var faces = provider.GetRequiredService<FaceEngineProvider>();
            var index = new SubjectIndex(new GalleryOptions
            {
                ShardCount = options.Shards == 0 ? Environment.ProcessorCount : options.Shards,
                FaceScoreOfSimilarity = cosine => faces.Engine.ScoreOfSimilarity(cosine),
            });
            return SubjectStore.Open(
                new SubjectStoreOptions(Path.GetFullPath(options.DataDirectory), options.SnapshotEveryRecords, options.RequestIdTimeToLive),
                index, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SubjectStore>>());
        });
        return services;
    }
}
