using System.Security.Claims;
using Grpc.Core;
using Matcher.Server.Hosting;
using Matcher.Server.Security.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Matcher.Server.Security.Identity;

/// <summary>
/// Proves who sent a request, once, before the rate limiter and the interceptors see it: the client certificate
/// (checked against the configured authorities by the certificate handler) and the bearer token (checked against the
/// issuer key by the JWT handler). A token, when sent, names the caller; under mtls the certificate is required too.
/// </summary>
internal sealed class CallerIdentification(IOptions<ServerOptions> serverOptions)
{
    public const string RoleClaim = "role";
    public const string GalleriesClaim = "galleries";
    public const string SubjectClaim = "sub";

    private static readonly object ItemKey = new();

    private readonly SecurityOptions _options = serverOptions.Value.Security;

    /// <summary>The identification of the call <paramref name="context"/> belongs to (mode none: the local host).</summary>
    public static Identification Of(ServerCallContext context) => Of(context.GetHttpContext());

    public static Identification Of(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var found) && found is Identification identification ? identification : Identification.Of(Caller.Local);

    public async Task IdentifyAsync(HttpContext http) => http.Items[ItemKey] = await ProveAsync(http);

    private async Task<Identification> ProveAsync(HttpContext http)
    {
        Caller? certified = null;
        if (_options.AcceptsClientCertificates && await http.Connection.GetClientCertificateAsync() is not null)
        {
            var result = await http.AuthenticateAsync(CertificateAuthenticationDefaults.AuthenticationScheme);
            if (!result.Succeeded)
            {
                return Identification.Failed(
                    "The client certificate was refused: it must be issued by the programme's certificate authority, be within its validity " +
                    "period and allow client authentication.");
            }
            certified = FromCertificate(result.Principal!);
        }
        else if (_options.Mode == SecurityMode.Mtls)
        {
            return Identification.Failed("This node requires a client certificate issued by the programme's certificate authority; none was sent.");
        }

        if (HasBearerToken(http))
        {
            if (!_options.Tokens.IsConfigured)
            {
                return Identification.Failed("This node accepts no bearer tokens; call with a client certificate.");
            }
            var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            return result.Succeeded ? Identification.Of(FromToken(result.Principal!)) : Identification.Failed(TokenProblem(result.Failure));
        }
        return certified is not null
            ? Identification.Of(certified)
            : Identification.Failed("Send a client certificate or a bearer token: this node serves only the stations and operators it knows.");
    }

    private Caller FromCertificate(ClaimsPrincipal principal)
    {
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue(ClaimTypes.X500DistinguishedName) ?? "";
        if (!_options.Principals.TryGetValue(name, out var registered) || !Roles.TryParse(registered.Role, out var role))
        {
            return new Caller(name, Caller.CertificateCredential, null, null);
        }
        return new Caller(name, Caller.CertificateCredential, role, registered.Galleries.Count == 0 ? null : registered.Galleries.ToHashSet(StringComparer.Ordinal));
    }

    private static Caller FromToken(ClaimsPrincipal principal)
    {
        var name = principal.FindFirstValue(SubjectClaim) ?? "";
        Role? role = Roles.TryParse(principal.FindFirstValue(RoleClaim), out var parsed) ? parsed : null;
        var galleries = principal.FindAll(GalleriesClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(name, Caller.TokenCredential, role, galleries.Count == 0 ? null : galleries);
    }

    private static bool HasBearerToken(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a token was refused, in words a station operator can pass on; never the token itself.</summary>
    private static string TokenProblem(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException expired => $"The bearer token expired at {expired.Expires:u}; get a new one from the issuer.",
        SecurityTokenNotYetValidException early => $"The bearer token is not valid before {early.NotBefore:u}.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "The bearer token's signature does not match the issuer key this node trusts.",
        SecurityTokenInvalidIssuerException => "The bearer token comes from an issuer this node does not trust.",
        SecurityTokenInvalidAudienceException => "The bearer token is meant for another service (its audience is not this node's).",
        SecurityTokenNoExpirationException => "The bearer token has no expiry; this node accepts only tokens that expire.",
        SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm this node does not accept.",
        null => "The bearer token was refused.",
        _ => $"The bearer token is not valid ({failure.GetType().Name}).",
    };
}
