using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Grpc.AspNetCore.Server;
using Matcher.Security.Audit;
using Matcher.Security.Certificates;
using Matcher.Server.Hosting;
using Matcher.Server.Security.Audit;
using Matcher.Server.Security.Authorization;
using Matcher.Server.Security.Identity;
using Matcher.Server.Security.Limits;
using Matcher.Server.Security.Options;
using Matcher.Server.Security.Transport;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Matcher.Server.Security;

/// <summary>
/// Everything Matcher:Security turns on, registered apart from the rest of the host: TLS on the listener, the
/// certificate and bearer-token handlers, caller identification, per-identity limits, the authorisation and audit
/// interceptors (audit outermost, so refusals are on record too) and the audit service. Mode none registers only the
/// audit log, and only when it has a key.
/// </summary>
public static class SecuritySetup
{
    private static readonly string[] TokenAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static WebApplicationBuilder AddMatcherSecurity(this WebApplicationBuilder builder, ServerOptions options)
    {
        var security = options.Security;
        var services = builder.Services;
        services.Configure<GrpcServiceOptions>(grpc =>
        {
            // In front of every other interceptor: audit sees the final status of each call, refusals included.
            var registered = grpc.Interceptors.ToList();
            grpc.Interceptors.Clear();
            if (security.Audit.IsEnabled)
            {
                grpc.Interceptors.Add<AuditInterceptor>();
            }
            if (security.RequiresIdentity)
            {
                grpc.Interceptors.Add<AuthorizationInterceptor>();
            }
            registered.ForEach(grpc.Interceptors.Add);
        });
        if (security.Audit.IsEnabled)
        {
            services.AddSingleton(_ => AuditKeys.Load(security.Audit));
            services.AddSingleton(provider => AuditTrail.Open(security.Audit.PathUnder(options.DataDirectory), provider.GetRequiredService<AuditKeys>().Current));
        }
        if (!security.RequiresIdentity)
        {
            return builder;
        }
        services.AddSingleton(_ => new ServerCertificateSource(security.CertificateFile!, security.CertificateKeyFile, security.CertificatePassword));
        services.AddSingleton<CallerIdentification>();
        var authentication = services.AddAuthentication();
        if (security.AcceptsClientCertificates)
        {
            authentication.AddCertificate(certificate =>
            {
                certificate.AllowedCertificateTypes = CertificateTypes.Chained;
                certificate.ChainTrustValidationMode = X509ChainTrustMode.CustomRootTrust;
                certificate.CustomTrustStore = IssuerTrust.Load(security.ClientCaFile!).Authorities;
                certificate.RevocationMode = X509RevocationMode.NoCheck;
                certificate.ValidateCertificateUse = true;
                certificate.ValidateValidityPeriod = true;
            });
        }
        if (security.Tokens.IsConfigured)
        {
            var tokens = security.Tokens;
            authentication.AddJwtBearer(jwt =>
            {
                // Keys come from the file only: no authority, no metadata address, so nothing is fetched.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = tokens.Issuer,
                    ValidAudience = tokens.Audience,
                    IssuerSigningKeys = IssuerKeys.Load(tokens.KeyFile!),
                    ValidAlgorithms = TokenAlgorithms,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = tokens.ClockSkew,
                    NameClaimType = CallerIdentification.SubjectClaim,
                    RoleClaimType = CallerIdentification.RoleClaim,
                };
            });
        }
        services.AddCallLimits(security.Limits);
        return builder;
    }

    /// <summary>TLS on the gRPC listener (tls and mtls); client certificates are asked for, and judged by the certificate handler.</summary>
    public static void UseMatcherTransportSecurity(this ListenOptions listen, SecurityOptions security)
    {
        if (!security.RequiresIdentity)
        {
            return;
        }
        var certificates = listen.ApplicationServices.GetRequiredService<ServerCertificateSource>();
        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => certificates.Current,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            // Without a certificate a connection still reaches health; every other RPC is refused with a clear status.
            ClientCertificateMode = security.AcceptsClientCertificates ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.NoCertificate,
            ClientCertificateValidation = (_, _, _) => true,
            CheckCertificateRevocation = false,
        });
    }

    /// <summary>Identification before the limiter (it partitions by caller), and the audit service for auditors.</summary>
    public static WebApplication UseMatcherSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        var security = options.Security;
        if (security.Mode == SecurityMode.None && IPAddress.TryParse(options.ListenAddress, out var address) && !IPAddress.IsLoopback(address))
        {
            app.Logger.LogWarning(
                "Matcher:Security:AllowInsecure: listening on {Address} without TLS or identities; anyone who reaches the port can enroll, search and delete.",
                options.ListenAddress);
        }
        if (security.Audit.IsEnabled)
        {
            var trail = app.Services.GetRequiredService<AuditTrail>();
            if (trail.TornBytesCut > 0)
            {
                app.Logger.LogWarning("The audit log {Path} ended in a record torn by a crash ({Bytes} bytes, never acknowledged); it was cut off.",
                    trail.Path, trail.TornBytesCut);
            }
            app.MapGrpcService<AuditService>();
        }
        if (security.RequiresIdentity)
        {
            app.Services.GetRequiredService<ServerCertificateSource>().Logger = app.Logger;
            var identification = app.Services.GetRequiredService<CallerIdentification>();
            app.Use(async (http, next) =>
            {
                await identification.IdentifyAsync(http);
                await next(http);
            });
            app.UseRateLimiter();
        }
        return app;
    }
}
