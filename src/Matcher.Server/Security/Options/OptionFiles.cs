using System.ComponentModel.DataAnnotations;

namespace Matcher.Server.Security.Options;

internal static class OptionFiles
{
    /// <summary>A problem when <paramref name="path"/> is set but names no file; null when it is unset or exists.</summary>
    public static ValidationResult? Problem(string option, string? path) =>
        string.IsNullOrWhiteSpace(path) || File.Exists(path)
            ? null
            : new ValidationResult($"{option} '{path}' does not exist.", [option]);

    /// <summary>A problem when the existing file(s) an option names cannot be read as what they should hold.</summary>
    public static ValidationResult? Unreadable(string option, Action read)
    {
        try
        {
            read();
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new ValidationResult($"{option}: {e.Message}", [option]);
        }
    }
}
