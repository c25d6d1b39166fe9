using System.ComponentModel.DataAnnotations;
using Matcher.Sealing;
using Matcher.Sealing.Keys;

namespace Matcher.Server.Security.Options;

/// <summary>
/// Encryption at rest (section Matcher:Security:Encryption): the master key that wraps the data keys of the data
/// directory, the job log and the Redis values. Unset, the node keeps them plaintext, as in the embedded default.
/// Works in every Mode.
/// </summary>
public sealed class EncryptionOptions
{
    /// <summary>A file holding the master key as base64 text (matcher keys generate -o FILE), readable by the service only.</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>The name of an environment variable holding the master key as base64 text (for secret stores that inject variables).</summary>
    public string? MasterKeyEnvironmentVariable { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(MasterKeyFile) || !string.IsNullOrWhiteSpace(MasterKeyEnvironmentVariable);

    /// <summary>The configured master key, or null when encryption is off.</summary>
    /// <exception cref="SealingException">The key cannot be read; <see cref="Validate"/> reports the same with the option's name.</exception>
    public MasterKey? LoadMasterKey() =>
        !string.IsNullOrWhiteSpace(MasterKeyFile) ? MasterKey.Load(MasterKeyFile)
        : !string.IsNullOrWhiteSpace(MasterKeyEnvironmentVariable) ? MasterKey.FromEnvironment(MasterKeyEnvironmentVariable)
        : null;

    internal IEnumerable<ValidationResult> Validate()
    {
        const string FileOption = "Matcher:Security:Encryption:MasterKeyFile";
        const string VariableOption = "Matcher:Security:Encryption:MasterKeyEnvironmentVariable";
        if (!string.IsNullOrWhiteSpace(MasterKeyFile) && !string.IsNullOrWhiteSpace(MasterKeyEnvironmentVariable))
        {
            yield return new ValidationResult($"Set only one of {FileOption} and {VariableOption}: the master key comes from one place.", [FileOption]);
            yield break;
        }
        if (OptionFiles.Problem(FileOption, MasterKeyFile) is { } missing)
        {
            yield return missing;
            yield break;
        }
        var option = string.IsNullOrWhiteSpace(MasterKeyFile) ? VariableOption : FileOption;
        string? problem = null;
        try
        {
            LoadMasterKey();
        }
        catch (SealingException e)
        {
            problem = e.Message;
        }
        if (problem is not null)
        {
            yield return new ValidationResult($"{option}: {problem}", [option]);
        }
    }
}
