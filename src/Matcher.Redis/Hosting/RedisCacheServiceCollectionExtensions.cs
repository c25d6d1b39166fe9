using Matcher.Redis.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.Redis.Hosting;

/// <summary>Registration of the Redis warm cache's options in a host, validated when the host starts.</summary>
public static class RedisCacheServiceCollectionExtensions
{
    public static IServiceCollection AddRedisWarmCache(this IServiceCollection services, Func<IServiceProvider, RedisCacheOptions> options)
    {
        services.AddSingleton<IValidateOptions<RedisCacheOptions>, RedisCacheOptionsValidator>();
        services.AddSingleton<IOptions<RedisCacheOptions>>(provider =>
        {
            var value = options(provider);
            foreach (var validator in provider.GetServices<IValidateOptions<RedisCacheOptions>>())
            {
                if (validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, value) is { Failed: true } result)
                {
                    throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(RedisCacheOptions), [result.FailureMessage]);
                }
            }
            return Microsoft.Extensions.Options.Options.Create(value);
        });
        return services;
    }
}
