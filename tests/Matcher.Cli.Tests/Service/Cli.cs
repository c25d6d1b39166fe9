using Matcher.Testing;

namespace Matcher.Cli.Tests.Service;

/// <summary>Runs `matcher` in-process as a station would, and names the shared dataset files the tests send.</summary>
internal static class Cli
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CommandDispatcher.Run(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>An FVC2002 DB1_B impression (500 dpi), e.g. finger 101, impression 2.</summary>
    public static string Fvc(int finger, int impression) =>
        Path.Combine(Datasets.Require("fingerprints/fvc2002/DB1_B"), $"{finger}_{impression}.tif");

    /// <summary>The SecuGen ISO 19794-2 template of an FVC2002 DB1_B impression.</summary>
    public static string IsoTemplate(int finger, int impression) =>
        Path.Combine(Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002/DB1_B"), $"{finger}_{impression}.iso");

    public static string Face(string person, int number) =>
        Path.Combine(Datasets.Require("faces/lfw/lfw-deepfunneled"), person, $"{person}_{number:0000}.jpg");
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
