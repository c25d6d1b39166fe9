using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Load;
using Matcher.Load.Planting;
using Matcher.Load.Prometheus;

namespace Matcher.Cli.Commands.Load;

/// <summary>
/// `matcher load --subjects N --rate R [--step S --steps K] --duration SECONDS`: preloads N planted synthetic subjects
/// (bulk import), drives enroll-with-dedup, identify and verify at a constant arrival rate (or with --concurrency a
/// fixed number of stations) in rising steps, checks every answer against its planted mate, and reports latencies,
/// rates, errors, accuracy and the knee; with --metrics it adds the service's own counts and stage times.
/// </summary>
internal sealed class LoadCommand : ICliCommand
{
    private const int MaxSteps = LoadPlan.MaxLevels;

    private readonly Option<string> _gallery = new("--gallery")
    {
        Description = "The gallery the planted subjects are in (default load).",
        HelpName = "GALLERY",
        DefaultValueFactory = _ => "load",
    };
    private readonly Option<int?> _subjects = CliValues.WholeNumber("--subjects",
        "Planted synthetic subjects in the gallery (subjects 0 .. N-1 of the seed's population, ten fingers and a face each).", minimum: 1);
    private readonly Option<ulong?> _seed = Population.PopulationOptions.Seed(required: false);
    private readonly Option<bool> _noPreload = new("--no-preload")
    {
        Description = "The gallery already holds the planted subjects (matcher population import of the same seed, or an earlier load); do not import them.",
    };
    private readonly Option<string?> _realFingers = new("--real-fingers")
    {
        Description = "Also plant real fingers: a folder of impressions named FINGER_IMPRESSION (FVC: 101_1.tif ... 110_8.tif); each finger is " +
            "enrolled with its first impression and probed with the others, as images the service extracts.",
        HelpName = "FOLDER",
    };
    private readonly Option<int?> _realDpi = CliValues.WholeNumber("--real-dpi", "Scanner resolution of the --real-fingers images (default 500).", minimum: 250, maximum: 1200);
    private readonly Option<double?> _realShare = Positive("--real-share", "SHARE",
        "Share of planted probes that are real fingers when --real-fingers is given (default 0.5).", allowZero: true);
    private readonly Option<double?> _rate = Positive("--rate", "R", "Open model: requests per second of the first step (constant arrival rate).");
    private readonly Option<int?> _concurrency = CliValues.WholeNumber("--concurrency",
        "Closed model instead: stations, each sending its next request when its answer came.", minimum: 1, maximum: 10_000);
    private readonly Option<double?> _step = Positive("--step", "S", "Each further step adds this to the rate (or stations); default: the first level.");
    private readonly Option<int?> _steps = CliValues.WholeNumber("--steps", $"Steps of rising load (default 1, at most {MaxSteps}).", minimum: 1, maximum: MaxSteps);
    private readonly Option<double?> _duration = Positive("--duration", "SECONDS", "Length of each step (default 10).");
    private readonly Option<double?> _enroll = Weight("--enroll", "Weight of enroll with duplicate check in the mix (default 1).");
    private readonly Option<double?> _identify = Weight("--identify", "Weight of identify in the mix (default 1).");
    private readonly Option<double?> _verify = Weight("--verify", "Weight of verify in the mix (default 1).");
    private readonly Option<double?> _duplicates = Positive("--duplicates", "SHARE",
        "Share of enrollments that are another capture of a planted subject (default 0.5); the rest are new applicants.", allowZero: true);
    private readonly Option<int?> _fingers = CliValues.WholeNumber("--fingers", "Fingers per probe and enrollment, 0 to 10 (default 10).", minimum: 0, maximum: 10);
    private readonly Option<bool> _noFace = new("--no-face") { Description = "Probes and enrollments without a face." };
    private readonly Option<double?> _p99Limit = Positive("--p99-limit", "MS", "The knee: the first step whose p99 passes this (default 1000 ms) ...");
    private readonly Option<double?> _achieved = Positive("--min-achieved", "SHARE", "... or whose achieved rate is below this share of its target (default 0.95).");
    private readonly Option<bool> _allSteps = new("--all-steps") { Description = "Run every step, also after the knee." };
    private readonly Option<int?> _maxRequests = CliValues.WholeNumber("--max-requests", "Bound on the requests of the whole run (default 1000000).", minimum: 1);
    private readonly Option<string?> _metrics = new("--metrics")
    {
        Description = "The service's Prometheus endpoint (Matcher:Metrics), for example http://127.0.0.1:9464/metrics: read before and after, and shown beside the client's figures.",
        HelpName = "URL",
    };
    private readonly Option<string?> _jsonFile = new("--json-out") { Description = "Write the JSON report (schema matcher.load/v1) to FILE.", HelpName = "FILE" };
    private readonly Option<string?> _htmlFile = new("--html-out") { Description = "Write the HTML report with latency-over-time, percentile and throughput plots to FILE.", HelpName = "FILE" };
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "load";

    public string Description =>
        "Load-test the running service: planted synthetic gallery, a mix of enroll with dedup, identify and verify at a constant rate or concurrency, in rising steps to find the knee.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options =>
    [
        _gallery, _subjects, _seed, _noPreload, _realFingers, _realDpi, _realShare, _rate, _concurrency, _step, _steps, _duration, _enroll, _identify, _verify, _duplicates,
        _fingers, _noFace, _p99Limit, _achieved, _allSteps, _maxRequests, _metrics, _jsonFile, _htmlFile, .. _connection.All, _json,
    ];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var subjects = parsed.GetValue(_subjects) ?? throw new CliUsageException("Give --subjects N, the planted gallery's size.");
        var rate = parsed.GetValue(_rate);
        var concurrency = parsed.GetValue(_concurrency);
        if ((rate is null) == (concurrency is null))
        {
            throw new CliUsageException("Give either --rate R (open model) or --concurrency C (closed model).");
        }
        var first = rate ?? concurrency!.Value;
        var step = parsed.GetValue(_step) ?? first;
        var levels = Enumerable.Range(0, parsed.GetValue(_steps) ?? 1).Select(i => first + (i * step)).ToList();
        var plan = new LoadPlan
        {
            Gallery = parsed.GetRequiredValue(_gallery),
            GallerySubjects = subjects,
            Seed = parsed.GetValue(_seed) ?? 1,
            Model = rate is null ? ArrivalModel.Closed : ArrivalModel.Open,
            Levels = levels,
            StepDuration = TimeSpan.FromSeconds(parsed.GetValue(_duration) ?? 10),
            EnrollWeight = parsed.GetValue(_enroll) ?? 1,
            IdentifyWeight = parsed.GetValue(_identify) ?? 1,
            VerifyWeight = parsed.GetValue(_verify) ?? 1,
            EnrollDuplicateShare = parsed.GetValue(_duplicates) ?? 0.5,
            RealShare = parsed.GetValue(_realShare) ?? 0.5,
            FingersPerProbe = parsed.GetValue(_fingers) ?? 10,
            FaceInProbe = !parsed.GetValue(_noFace),
            P99Limit = TimeSpan.FromMilliseconds(parsed.GetValue(_p99Limit) ?? 1000),
            MinAchievedShare = parsed.GetValue(_achieved) ?? 0.95,
            StopAtKnee = !parsed.GetValue(_allSteps),
            MaxRequests = parsed.GetValue(_maxRequests) ?? 1_000_000,
        };
        var problems = plan.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join(" ", problems));
        }
        var metricsUrl = parsed.GetValue(_metrics);
        if (metricsUrl is not null && !(Uri.TryCreate(metricsUrl, UriKind.Absolute, out var metricsUri) && metricsUri.Scheme is "http" or "https"))
        {
            throw new CliUsageException($"--metrics must be an http address such as http://127.0.0.1:9464/metrics, not '{metricsUrl}'.");
        }
        var json = parsed.GetValue(_json);
        var real = parsed.GetValue(_realFingers) is { } folder ? RealFolder(folder, parsed.GetValue(_realDpi) ?? 500) : null;

        using var connection = _connection.Open(parsed);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var scraper = metricsUrl is null ? null : new MetricsScraper(http, metricsUrl);
        var progress = json ? null : new Progress<string>(line => context.Error.WriteLine(line));
        LoadReport report;
        try
        {
            report = LoadSession.RunAsync(plan, connection.Matcher, connection.Address, preload: !parsed.GetValue(_noPreload), scraper,
                TimeProvider.System, progress, CancellationToken.None, real).GetAwaiter().GetResult();
        }
        catch (RpcException e)
        {
            throw new CliFailureException(RpcErrorText.Describe(e, connection.Address, plan.RequestDeadline));
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or ExpositionFormatException or TaskCanceledException)
        {
            throw new CliFailureException(e.Message);
        }

        if (parsed.GetValue(_jsonFile) is { } jsonFile)
        {
            File.WriteAllText(jsonFile, ReportJson.Write(report));
        }
        if (parsed.GetValue(_htmlFile) is { } htmlFile)
        {
            File.WriteAllText(htmlFile, ReportHtml.Write(report));
        }
        if (json)
        {
            context.Output.WriteLine(ReportJson.Write(report));
        }
        else
        {
            ReportText.Write(context.Output, report);
        }
        return 0;
    }

    private static RealMates RealFolder(string folder, int dpi)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"--real-fingers: folder '{folder}' does not exist.");
        }
        try
        {
            return RealMates.FromFolder(folder, dpi);
        }
        catch (InvalidOperationException e)
        {
            throw new CliUsageException($"--real-fingers: {e.Message}");
        }
    }

    private static Option<double?> Positive(string name, string helpName, string description, bool allowZero = false) =>
        CliValues.Single<double?>(name, helpName, description, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && (value > 0 || (allowZero && value == 0))
                ? value
                : throw new CliUsageException($"{name} must be a {(allowZero ? "non-negative" : "positive")} number, not '{text}'."));

    private static Option<double?> Weight(string name, string description) => Positive(name, "W", description, allowZero: true);
}
