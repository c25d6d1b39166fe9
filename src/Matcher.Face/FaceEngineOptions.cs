using Matcher.Face.Quality;
using Matcher.Imaging;

namespace Matcher.Face;

/// <summary>Configuration of a <see cref="FaceEngine"/>; every property has a working default.</summary>
public sealed record FaceEngineOptions
{
    /// <summary>Folder holding manifest.json and the .onnx files; default: MATCHER_MODELS, else models/ beside Matcher.sln.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Threads ONNX Runtime may use inside one inference. 1 suits servers that run many images in parallel.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Images processed at once by <see cref="FaceEngine.ExtractBatch"/>; default one per core.</summary>
    public int BatchParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether to run the liveness model (about a quarter of the inference time).</summary>
    public bool ComputeLiveness { get; init; } = true;

    /// <summary>Whether a face that fails a quality check is refused with BiometricInputException.Unusable.</summary>
    public bool RejectUnusable { get; init; } = true;

    public FaceQualityOptions Quality { get; init; } = new();

    public ImageLimits ImageLimits { get; init; } = ImageLimits.Default;

    internal void Validate()
    {
        if (IntraOpThreads < 1 || BatchParallelism < 1)
        {
            throw new ArgumentException("Thread counts of the face engine must be at least 1.");
        }
        ArgumentNullException.ThrowIfNull(Quality);
        ArgumentNullException.ThrowIfNull(ImageLimits);
        Quality.Validate();
    }
}
