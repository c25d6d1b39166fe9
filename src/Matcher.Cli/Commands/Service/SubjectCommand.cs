using System.Globalization;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Service;

/// <summary>`matcher subject`: what is enrolled for a subject (positions, face model, quality), never the biometrics.</summary>
internal sealed class SubjectCommand : ICliCommand
{
    public string Name => "subject";

    public string Usage => "subject --id ID [--gallery G] [--server URL] [--json]";

    public int Run(CliArguments arguments, TextWriter output)
    {
        var request = new GetSubjectRequest { SubjectId = arguments.RequireOption("id"), Gallery = GalleryOption.Read(arguments) };
        var json = arguments.HasFlag("json");
        using var connection = ServiceConnection.Open(arguments);

        var response = connection.Call(options => connection.Matcher.GetSubject(request, options));

        if (json)
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
