using System.ComponentModel.DataAnnotations;
using Matcher.Security.Audit;

namespace Matcher.Server.Security.Options;

/// <summary>The audit log: where it is kept and the key of the keyed hash that chains its records.</summary>
public sealed class AuditOptions
{
    /// <summary>Base64 text of at least 32 random bytes (openssl rand -base64 32). Without it there is no audit log (Mode none only).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Keys of earlier rotations, so VerifyAudit can check records written before the current key.</summary>
    public List<string> PreviousKeyFiles { get; set; } = [];

    /// <summary>The log file; empty means audit/audit.log under the data directory.</summary>
    public string? Path { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(KeyFile);

    public string PathUnder(string dataDirectory) =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(dataDirectory, "audit", "audit.log") : Path;

    internal IEnumerable<ValidationResult> Validate()
    {
        (string Option, string? Path)[] files =
            [("Matcher:Security:Audit:KeyFile", KeyFile), .. PreviousKeyFiles.Select(p => ("Matcher:Security:Audit:PreviousKeyFiles", (string?)p))];
        foreach (var (option, path) in files)
        {
            if (!string.IsNullOrWhiteSpace(path)
                && (OptionFiles.Problem(option, path) ?? OptionFiles.Unreadable(option, () => AuditKey.Load(path))) is { } problem)
            {
                yield return problem;
            }
        }
    }
}
