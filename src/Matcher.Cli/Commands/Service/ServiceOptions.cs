using System.CommandLine;
using Matcher.Cli.CommandLine;

namespace Matcher.Cli.Commands.Service;

/// <summary>Options of the commands that call the running service.</summary>
internal static class ServiceOptions
{
    /// <summary>The gallery the service files subjects under when a request names none.</summary>
    public const string DefaultGallery = "default";

    public static Option<string?> Server() =>
        CliValues.Single("--server", "URL",
            $"Address of the Matcher service (default {ServiceConnection.EnvironmentVariable}, else {ServiceConnection.DefaultAddress}).",
            text => ServiceConnection.ParseAddress(text, "--server"));

    public static Option<string> SubjectId() => new("--id") { Description = "The subject's id.", HelpName = "ID", Required = true };

    public static Option<string> Gallery() =>
        new("--gallery") { Description = "The gallery of the subject.", HelpName = "G", DefaultValueFactory = _ => DefaultGallery };
}
