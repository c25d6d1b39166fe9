namespace Matcher.Cli.Commands.Service;

/// <summary>The gallery named by --gallery; the service files subjects without one under "default".</summary>
internal static class GalleryOption
{
    public const string Default = "default";

    public static string Read(CliArguments arguments) => arguments.Option("gallery") ?? Default;
}
