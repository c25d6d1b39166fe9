namespace Matcher.Face.Models;

/// <summary>
/// Finds the models folder: explicit option, then MATCHER_MODELS, then models/ beside the Matcher.sln found above the
/// binaries or, for builds whose binaries live outside the checkout, above the working directory.
/// </summary>
internal static class ModelDirectoryLocator
{
    public const string EnvironmentVariable = "MATCHER_MODELS";

    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Matcher.sln")))
                {
                    return Path.Combine(directory.FullName, "models");
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"No face models folder configured: set FaceEngineOptions.ModelDirectory or {EnvironmentVariable}, or run from inside the Matcher checkout.");
    }
}
