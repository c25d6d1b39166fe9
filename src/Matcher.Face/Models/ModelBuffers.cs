using Microsoft.ML.OnnxRuntime;

namespace Matcher.Face.Models;

/// <summary>
/// Input and output memory of one model for one thread, pinned once and handed to ONNX Runtime on every run so that
/// inference allocates nothing per image.
/// </summary>
internal sealed class ModelBuffers : IDisposable
{
    public ModelBuffers(long[] inputShape, long[][] outputShapes)
    {
        Input = new float[ElementCount(inputShape)];
        Outputs = outputShapes.Select(s => new float[ElementCount(s)]).ToArray();
        InputValues = [OrtValue.CreateTensorValueFromMemory(Input, inputShape)];
        OutputValues = Outputs.Select((o, i) => OrtValue.CreateTensorValueFromMemory(o, outputShapes[i])).ToArray();
    }

    public float[] Input { get; }

    public float[][] Outputs { get; }

    public RunOptions RunOptions { get; } = new();

    internal OrtValue[] InputValues { get; }

    internal OrtValue[] OutputValues { get; }

    public void Dispose()
    {
        foreach (var value in InputValues.Concat(OutputValues))
        {
            value.Dispose();
        }
        RunOptions.Dispose();
    }

    private static int ElementCount(long[] shape) => checked((int)shape.Aggregate(1L, (a, b) => a * b));
}
