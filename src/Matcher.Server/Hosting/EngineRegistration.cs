using Matcher.Fingerprint.Extraction;
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
        return services;
    }
}
