using System.Net;
using Matcher.Enrollment;
using Matcher.Jobs;
using Matcher.Redis.Hosting;
using Matcher.Redis.Options;
using Matcher.Server.Errors;
using Matcher.Server.Metrics;
using Matcher.Server.Security;
using Matcher.Server.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Matcher.Server.Hosting;

/// <summary>Registration of everything the server runs, kept out of Program.cs so tests host the same setup.</summary>
public static class MatcherServerSetup
{
    public static WebApplicationBuilder AddMatcherServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServerOptions>()
            .Bind(builder.Configuration.GetSection(ServerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.TryParse(options.ListenAddress, out var parsed) ? parsed : IPAddress.Loopback;
            kestrel.Listen(address, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseMatcherTransportSecurity(options.Security);
            });
            kestrel.Limits.MaxRequestBodySize = options.MaxMessageBytes;
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.Interceptors.Add<StationTrafficInterceptor>();
            grpc.MaxReceiveMessageSize = options.MaxMessageBytes;
            grpc.MaxSendMessageSize = options.MaxMessageBytes;
            grpc.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        var health = builder.Services.AddGrpcHealthChecks(grpcHealth =>
        {
            // The Redis component has its own gRPC service name; its outage degrades, never stops, the whole service.
            grpcHealth.Services.Map("", check => check.Name != RedisComponentHealthCheck.Name);
            grpcHealth.Services.Map(RedisComponentHealthCheck.Name, check => check.Name == RedisComponentHealthCheck.Name);
        }).AddCheck<FaceEngineProvider>("face-models");
        if (options.UsesRedis)
        {
            builder.Services.AddRedisWarmCache(provider => provider.GetRequiredService<IOptions<ServerOptions>>().Value.ToRedisCacheOptions());
            health.AddCheck<RedisCacheHealthCheck>(RedisCacheHealthCheck.Name).AddCheck<RedisComponentHealthCheck>(RedisComponentHealthCheck.Name);
        }
        builder.Services.AddMatcherEngines();
        builder.AddMatcherSecurity(options);
        builder.AddMatcherMetrics();
        return builder;
    }

    public static WebApplication MapMatcherServer(this WebApplication app)
    {
        // Opened before serving: replaying the log (or filling from Redis) must finish, and a damaged data directory
        // must stop the start.
        var core = app.Services.GetRequiredService<EnrollmentCore>();
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        if (options.UsesRedis)
        {
            var redis = app.Services.GetRequiredService<IOptions<RedisCacheOptions>>().Value;
            core.StartWarmCacheAsync(redis, app.Lifetime.ApplicationStopping).GetAwaiter().GetResult();
        }
        // Jobs start after the subjects are loaded, so a job resumed after a restart sees its whole gallery.
        app.Services.GetRequiredService<JobsCore>().StartRunning();
        app.UseMatcherSecurity();
        app.MapMatcherMetrics();
        app.MapGrpcService<MatcherService>();
        app.MapGrpcService<JobsService>();
        app.MapGrpcService<CacheService>();
        app.MapGrpcService<TemplatesService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
