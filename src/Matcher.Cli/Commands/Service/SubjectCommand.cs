using System.CommandLine;
using System.Globalization;
using Matcher.Cli.CommandLine;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher subject`: what is enrolled for a subject (positions, face model, quality), never the biometrics.</summary>
internal sealed class SubjectCommand : ICliCommand
{
    private readonly Option<string> _id = ServiceOptions.SubjectId();
    private readonly Option<string> _gallery = ServiceOptions.Gallery();
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "subject";

    public string Description => "Show what is enrolled for a subject: finger positions, face model and quality, never the biometrics.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_id, _gallery, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var request = new GetSubjectRequest { SubjectId = parsed.GetRequiredValue(_id), Gallery = parsed.GetRequiredValue(_gallery) };
        using var connection = _connection.Open(parsed);

        var response = connection.Call(options => connection.Matcher.GetSubject(request, options));

        var output = context.Output;
        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(output, response);
            return 0;
        }
        var enrolledAt = response.EnrolledAt?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) ?? "unknown";
        output.WriteLine($"{response.SubjectId} in gallery {response.Gallery}, enrolled {enrolledAt}");
        output.WriteLine($"fingers: {(response.Fingers.Count == 0 ? "none" : string.Join(", ", response.Fingers.Select(FingerPositions.Name)))}");
        output.WriteLine($"face: {(response.HasFace ? $"yes (model {response.FaceModelId})" : "none")}");
        ServiceOutput.WriteQuality(output, response.Quality);
        return 0;
    }
}
