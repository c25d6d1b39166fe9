using System.Net;
using Grpc.AspNetCore.Server;
using Matcher.Core.Telemetry;
using Matcher.Server.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Matcher.Server.Metrics;

/// <summary>
/// The service's metrics: every RPC is counted and timed by <see cref="RpcMetricsInterceptor"/>, the projects of the
/// service core record on the "Matcher" meter (<see cref="MatcherMetrics"/>), <see cref="ServiceGauges"/> observes
/// the galleries and the Redis mirror, and, when Matcher:Metrics:Enabled, OpenTelemetry serves all of it as Prometheus
/// text on its own HTTP/1.1 port. OpenTelemetry lives in the host only; the core knows just System.Diagnostics.Metrics.
/// </summary>
public static class MetricsSetup
{
    public static WebApplicationBuilder AddMatcherMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, MetricsOptionsValidator>();
        // Inserted first, so it is the outermost interceptor: it sees the final status of every call, refusals included.
        builder.Services.Configure<GrpcServiceOptions>(grpc =>
        {
            grpc.Interceptors.Add<RpcMetricsInterceptor>();
            var registration = grpc.Interceptors[^1];
            grpc.Interceptors.RemoveAt(grpc.Interceptors.Count - 1);
            grpc.Interceptors.Insert(0, registration);
        });
        var metrics = (builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions()).Metrics;
        if (!metrics.Enabled)
        {
            return builder;
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // An unparsable address stops the start in validation with a message; it is never listened on.
            if (IPAddress.TryParse(metrics.ListenAddress, out var address))
            {
                kestrel.Listen(address, metrics.Port, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
        builder.Services.AddSingleton<ServiceGauges>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("matcher"))
            .WithMetrics(provider => provider
                .AddMeter(MatcherMetrics.MeterName)
                // Every scrape collects anew: a load test reads the counters right after its last answer.
                .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Serves /metrics on the metrics port only, and nothing else there; the gRPC port never answers it.</summary>
    public static WebApplication MapMatcherMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.Metrics;
        if (!metrics.Enabled)
        {
            return app;
        }
        app.Services.GetRequiredService<ServiceGauges>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Connection.LocalPort == metrics.Port && context.Request.Path == ServerOptions.MetricsOptions.Path);
        app.Use(next => context =>
        {
            if (context.Connection.LocalPort != metrics.Port)
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    private sealed class MetricsOptionsValidator : IValidateOptions<ServerOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServerOptions options)
        {
            var problems = options.Metrics.Validate(options.Port).Select(p => p.ErrorMessage ?? "").ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
