using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Matcher.Server.Hosting;

public sealed partial class ServerOptions
{
    /// <summary>The Prometheus endpoint (section Matcher:Metrics); off unless enabled.</summary>
    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>
    /// Where the service serves its metrics for Prometheus to scrape: plain HTTP/1.1 on a port of its own, never the
    /// gRPC port. Metrics tell how busy the node is and which galleries it holds, so they stay on a loopback address
    /// unless an operator allows another interface explicitly.
    /// </summary>
    public sealed class MetricsOptions
    {
        public const string Path = "/metrics";

        public bool Enabled { get; set; }

        public string ListenAddress { get; set; } = "127.0.0.1";

        /// <summary>9464 is the port OpenTelemetry's Prometheus exporters use by convention.</summary>
        public int Port { get; set; } = 9464;

        /// <summary>Allows a <see cref="ListenAddress"/> that is not loopback (0.0.0.0, a LAN address), for a scraper on another host.</summary>
        public bool AllowPublicInterfaces { get; set; }

        internal IEnumerable<ValidationResult> Validate(int grpcPort)
        {
            if (!Enabled)
            {
                yield break;
            }
            if (Port is < 1 or > 65535)
            {
                yield return new ValidationResult($"Matcher:Metrics:Port {Port} must lie between 1 and 65535.", [nameof(Port)]);
            }
            else if (Port == grpcPort)
            {
                yield return new ValidationResult(
                    $"Matcher:Metrics:Port {Port} is the gRPC port (Matcher:Port); metrics need a port of their own.", [nameof(Port)]);
            }
            if (!IPAddress.TryParse(ListenAddress, out var address))
            {
                yield return new ValidationResult(
                    $"Matcher:Metrics:ListenAddress '{ListenAddress}' is not an IP address (for example 127.0.0.1).", [nameof(ListenAddress)]);
            }
            else if (!IPAddress.IsLoopback(address) && !AllowPublicInterfaces)
            {
                yield return new ValidationResult(
                    $"Matcher:Metrics:ListenAddress '{ListenAddress}' is not a loopback address. Metrics show how busy the node is and " +
                    "which galleries it holds; set Matcher:Metrics:AllowPublicInterfaces to true to serve them on it anyway.",
                    [nameof(ListenAddress)]);
            }
        }
    }
}
