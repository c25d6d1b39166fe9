using Matcher.Face;
using Matcher.Imaging;
using Matcher.Core.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Matcher.Server.Hosting;

/// <summary>
/// Loads the face models once, on first use. Without them the server still serves fingerprints: face requests fail
/// with FailedPrecondition naming the missing file and the fetch command, and the health check reports it.
/// </summary>
internal sealed class FaceEngineProvider(ImageLimits imageLimits, IOptions<ServerOptions> options) : IHealthCheck, IDisposable
{
    private readonly Lazy<FaceEngine> _engine = new(() => FaceEngine.Load(new FaceEngineOptions
    {
        ImageLimits = imageLimits,
        ModelDirectory = string.IsNullOrWhiteSpace(options.Value.ModelDirectory) ? null : options.Value.ModelDirectory,
        Quality = options.Value.Face.ToQualityOptions(),
        ComputeLiveness = options.Value.Face.ComputeLiveness,
        IntraOpThreads = options.Value.Face.IntraOpThreads,
    }));

    public FaceEngine Engine
    {
        get
        {
            try
            {
                return _engine.Value;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                throw RequestRefusedException.FailedPrecondition("face.models_unavailable", e.Message);
            }
        }
    }

    /// <summary>The id of the model whose embeddings the server accepts, or empty when the face models cannot be loaded.</summary>
    public string EmbeddingModelIdOrEmpty
    {
        get
        {
            try
            {
                return Engine.EmbeddingModelId;
            }
            catch (RequestRefusedException)
            {
                return "";
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Face model {Engine.EmbeddingModelId} loaded."));
        }
        catch (RequestRefusedException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }

    public void Dispose()
    {
        if (_engine.IsValueCreated)
        {
            _engine.Value.Dispose();
        }
    }
}
