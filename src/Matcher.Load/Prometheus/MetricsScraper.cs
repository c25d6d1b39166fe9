namespace Matcher.Load.Prometheus;

/// <summary>Reads the service's Prometheus endpoint (Matcher:Metrics) and parses it strictly.</summary>
public sealed class MetricsScraper(HttpClient http, string url)
{
    public string Url { get; } = url;

    public async Task<IReadOnlyList<PrometheusFamily>> ScrapeAsync(CancellationToken cancellation)
    {
        using var response = await http.GetAsync(Url, cancellation);
        response.EnsureSuccessStatusCode();
        return ExpositionText.Parse(await response.Content.ReadAsStringAsync(cancellation));
    }
}
