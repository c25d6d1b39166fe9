using Matcher.Core.Modalities;
using Matcher.Enrollment;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Indexing;
using Matcher.Gallery;
using Matcher.Imaging;
using Matcher.Jobs;
using Matcher.Jobs.Running;
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
        // The gallery fuses evidence in this order: fingers first, then the face.
        services.AddSingleton<IModalityIndexFactory, FingerprintIndexFactory>();
        services.AddSingleton<IModalityIndexFactory>(provider =>
        {
            var faces = provider.GetRequiredService<FaceEngineProvider>();
            return new FaceIndexFactory(cosine => faces.Engine.ScoreOfSimilarity(cosine));
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new AtRestKey(provider.GetRequiredService<IOptions<ServerOptions>>().Value.Security.Encryption.LoadMasterKey()));
        services.AddSingleton(provider => provider.GetRequiredService<EnrollmentCore>().Registry);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ServerOptions>>().Value;
            var index = new SubjectIndex(new GalleryOptions
            {
                ShardCount = options.Shards == 0 ? Environment.ProcessorCount : options.Shards,
                ContinuationScore = options.ContinuationScore,
                Modalities = provider.GetServices<IModalityIndexFactory>().ToList(),
            });
            return EnrollmentCore.Open(
                new EnrollmentOptions(options.DataDirectory, options.SnapshotEveryRecords, options.RequestIdTimeToLive,
                    provider.GetRequiredService<AtRestKey>().MasterKey),
                index, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton<StationTraffic>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ServerOptions>>().Value;
            var jobs = options.Jobs.ToJobsOptions(options.DataDirectory) with { MasterKey = provider.GetRequiredService<AtRestKey>().MasterKey };
            return JobsCore.Open(jobs, provider.GetRequiredService<EnrollmentCore>().Registry.Index,
                provider.GetRequiredService<StationTraffic>(), provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<JobsCore>());
        });
        return services;
    }
}
