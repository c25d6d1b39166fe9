using Matcher.Face.Models.Rewriting;
using Microsoft.ML.OnnxRuntime;

namespace Matcher.Face.Models;

/// <summary>
/// One verified ONNX model with a single float input. The session is created once and shared by all threads
/// (InferenceSession.Run is thread-safe); each thread brings its own <see cref="ModelBuffers"/>.
/// </summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    private OnnxModel(InferenceSession session, ModelEntry entry, long[] inputShape, long[][] outputShapes)
    {
        _session = session;
        Id = entry.Id;
        Sha256 = entry.Sha256!.ToLowerInvariant();
        _inputNames = [entry.Input.Name];
        _outputNames = entry.Outputs.Select(o => o.Name).ToArray();
        InputShape = inputShape;
        OutputShapes = outputShapes;
    }

    public string Id { get; }

    public string Sha256 { get; }

    public long[] InputShape { get; }

    public long[][] OutputShapes { get; }

    public static OnnxModel Load(string directory, ModelEntry entry, SessionOptions options)
    {
        var (runnable, _) = PReluRewrite.Apply(ModelFile.ReadVerified(directory, entry));
        var session = new InferenceSession(runnable, options);
        try
        {
            var inputShape = CheckedShape(session.InputMetadata, entry.Input, entry.File);
            var outputShapes = entry.Outputs.Select(o => CheckedShape(session.OutputMetadata, o, entry.File)).ToArray();
            if (outputShapes.Length == 0)
            {
                throw new InvalidDataException($"The manifest lists no outputs for '{entry.File}'.");
            }
            return new OnnxModel(session, entry, inputShape, outputShapes);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public ModelBuffers CreateBuffers() => new(InputShape, OutputShapes);

    public void Run(ModelBuffers buffers) =>
        _session.Run(buffers.RunOptions, _inputNames, buffers.InputValues, _outputNames, buffers.OutputValues);

    public void Dispose() => _session.Dispose();

    /// <summary>The manifest's shape, after checking the model agrees with it (a free dimension accepts any size).</summary>
    private static long[] CheckedShape(IReadOnlyDictionary<string, NodeMetadata> metadata, TensorSpec spec, string file)
    {
        if (!metadata.TryGetValue(spec.Name, out var node))
        {
            throw new InvalidDataException(
                $"Model '{file}' has no tensor named '{spec.Name}' (it has: {string.Join(", ", metadata.Keys)}).");
        }
        if (node.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float)
        {
            throw new InvalidDataException($"Model '{file}' tensor '{spec.Name}' is {node.ElementDataType}, expected float32.");
        }
        var dimensions = node.Dimensions;
        var agrees = dimensions.Length == spec.Shape.Count
            && spec.Shape.All(d => d > 0)
            && dimensions.Select((d, i) => d <= 0 || d == spec.Shape[i]).All(ok => ok);
        if (!agrees)
        {
            throw new InvalidDataException(
                $"Model '{file}' tensor '{spec.Name}' has shape [{string.Join(",", dimensions)}], the manifest says [{string.Join(",", spec.Shape)}].");
        }
        return spec.Shape.ToArray();
    }
}
