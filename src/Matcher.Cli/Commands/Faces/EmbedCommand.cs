using System.CommandLine;
using System.Globalization;
using Matcher.Cli.CommandLine;
using System.Text.Json;
using Matcher.Face;

namespace Matcher.Cli.Commands.Faces;

/// <summary>
/// `matcher embed IMAGE`: extracts the face of one image and reports model, face count, quality and liveness. The
/// embedding is biometric data: it is printed only in the --json output, which a caller asks for explicitly.
/// </summary>
internal sealed class EmbedCommand : ICliCommand
{
    private readonly Argument<string> _image = CommonOptions.ExistingFile("IMAGE", "The image with the face.");
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "embed";

    public string Description => "Extract the face of one image: model, face count, quality and liveness (the embedding only with --json).";

    public IReadOnlyList<Argument> Arguments => [_image];

    public IReadOnlyList<Option> Options => [_json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var output = context.Output;
        var encoded = File.ReadAllBytes(parsed.GetRequiredValue(_image));
        using var engine = FaceEngine.Load();
        var sample = engine.Extract(encoded);
        var quality = sample.Quality;
        if (parsed.GetValue(_json))
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["model"] = sample.Embedding.ModelId,
                ["face_count"] = sample.FaceCount,
                ["quality"] = quality.Score,
                ["problems"] = quality.Problems,
                ["inter_eye_distance"] = quality.InterEyeDistance,
                ["yaw"] = quality.Pose.Yaw,
                ["pitch"] = quality.Pose.Pitch,
                ["roll"] = quality.Pose.Roll,
                ["sharpness"] = quality.Sharpness,
                ["brightness"] = quality.Brightness,
                ["liveness"] = sample.Liveness,
                ["embedding"] = sample.Embedding.Values.ToArray(),
            }));
            return 0;
        }
        var number = (double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"model       {sample.Embedding.ModelId} ({sample.Embedding.Dimension}-d embedding, shown only with --json)");
        output.WriteLine($"faces       {sample.FaceCount} (the largest is used)");
        output.WriteLine($"quality     {number(quality.Score)} / 100{(quality.IsUsable ? string.Empty : " problems: " + string.Join(", ", quality.Problems))}");
        output.WriteLine($"eyes        {number(quality.InterEyeDistance)} px apart");
        output.WriteLine($"pose        yaw {number(quality.Pose.Yaw)}, pitch {number(quality.Pose.Pitch)}, roll {number(quality.Pose.Roll)} degrees");
        output.WriteLine($"sharpness   {number(quality.Sharpness)}, brightness {number(quality.Brightness)}");
        output.WriteLine($"liveness    {(sample.Liveness is { } live ? live.ToString("0.000", CultureInfo.InvariantCulture) : "not computed")}");
        return 0;
    }
}
