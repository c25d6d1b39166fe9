using System.ComponentModel.DataAnnotations;
using Matcher.Server.Security.Identity;

namespace Matcher.Server.Security.Options;

/// <summary>
/// Bearer tokens (JWT, signed RS*/PS*/ES*) from one issuer, checked against its public key read from a file: a PEM
/// public key or certificate, or a JWKS document (which can hold the old and the new key during a rotation). Keys are
/// never fetched from the network. A token names its subject (sub), its role (role) and optionally its galleries.
/// </summary>
public sealed class TokenOptions
{
    /// <summary>PEM public key, PEM certificate or JWKS (.json) of the issuer.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The iss every token must carry.</summary>
    public string? Issuer { get; set; }

    /// <summary>The aud every token must carry (this node or the programme's matcher service).</summary>
    public string? Audience { get; set; }

    /// <summary>Tolerance for clocks that differ between issuer and node when checking expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(KeyFile);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (!IsConfigured)
        {
            yield break;
        }
        if ((OptionFiles.Problem("Matcher:Security:Tokens:KeyFile", KeyFile)
             ?? OptionFiles.Unreadable("Matcher:Security:Tokens:KeyFile", () => IssuerKeys.Load(KeyFile!))) is { } problem)
        {
            yield return problem;
        }
        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            yield return new ValidationResult(
                "Matcher:Security:Tokens:Issuer and Matcher:Security:Tokens:Audience must both be set: a token is accepted only from the " +
                "configured issuer and for this service.", [nameof(Issuer)]);
        }
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"Matcher:Security:Tokens:ClockSkew '{ClockSkew}' must lie between 00:00:00 and 00:05:00.", [nameof(ClockSkew)]);
        }
    }
}
