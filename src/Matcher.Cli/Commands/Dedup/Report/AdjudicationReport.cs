using System.Globalization;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;
using Matcher.Fingerprint.Matching;

namespace Matcher.Cli.Commands.Dedup.Report;

/// <summary>
/// The adjudication report of a dedup job as one self-contained HTML file (inline CSS, images as data: URIs, no script,
/// nothing fetched): the job's definition and status, an index of the clusters, then one section per cluster with its
/// members and its pairs, best first, each with its fused, per-modality and per-finger scores and, where the samples
/// are known, the two prints of each compared finger with their paired minutiae and the two faces. Everything that
/// comes from data (ids, labels, file names, messages) is HTML-escaped. Samples are loaded one cluster at a time, so
/// a report of many clusters never holds more than one cluster's images.
/// </summary>
internal sealed class AdjudicationReport(GetJobResultsResponse results, ReportSamples? samples, DateTimeOffset generatedAt)
{
    private const string Style = """
        body { font-family: sans-serif; margin: 1.5em; color: #1d1d1f; background: #fff; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; margin: 0 0 0.5em; }
        h3 { font-size: 1.05em; margin: 0 0 0.4em; }
        table { border-collapse: collapse; margin: 0.4em 0 0.8em; }
        th, td { border: 1px solid #c8c8cc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f0f0f3; font-weight: 600; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .sensitive { background: #fff3cd; border: 1px solid #e0b100; padding: 0.5em 0.8em; max-width: 60em; }
        .notice { background: #e8f0fe; border: 1px solid #7aa7f0; padding: 0.5em 0.8em; max-width: 60em; }
        section.cluster { border-top: 3px solid #5a5a6e; margin-top: 2em; padding-top: 0.8em; }
        article.pair { border: 1px solid #d8d8dc; border-radius: 4px; padding: 0.8em; margin: 1em 0; }
        ul.members { margin: 0.2em 0 0.8em; }
        .subject { font-family: monospace; font-size: 1.05em; background: #f4f4f6; padding: 0 0.2em; }
        figure { margin: 0.6em 0 1em; }
        figure img { max-width: 100%; height: auto; border: 1px solid #c8c8cc; }
        .faces { display: flex; gap: 1em; align-items: flex-start; }
        .faces img { max-height: 320px; width: auto; }
        figcaption { font-size: 0.9em; color: #444; margin-top: 0.3em; }
        .missing { color: #8a3b12; font-size: 0.9em; }
        footer { margin-top: 2em; font-size: 0.85em; color: #555; }
        """;

    /// <summary>Writes the whole report; returns what it holds.</summary>
    public ReportCounts Write(TextWriter output)
    {
        var status = results.Status;
        var clusters = Clusters();
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\">");
        output.WriteLine("<head>");
        output.WriteLine("<meta charset=\"utf-8\">");
        output.WriteLine("<meta name=\"robots\" content=\"noindex\">");
        output.WriteLine($"<title>Adjudication report: {Text(status.JobId)}</title>");
        output.WriteLine($"<style>{Style}</style>");
        output.WriteLine("</head>");
        output.WriteLine("<body>");
        WriteHeader(output, status, clusters.Count);
        WriteIndex(output, clusters);
        output.WriteLine("<main>");
        var images = 0;
        foreach (var (cluster, pairs) in clusters)
        {
            images += WriteCluster(output, cluster, pairs);
        }
        output.WriteLine("</main>");
        output.WriteLine($"<footer>Generated {Text(Time(generatedAt))} by matcher dedup report from the service's results of {Text(status.JobId)}.</footer>");
        output.WriteLine("</body>");
        output.WriteLine("</html>");
        return new ReportCounts(clusters.Count, clusters.Sum(c => c.Pairs.Count), images);
    }

    /// <summary>The job's clusters in the service's order, each with its pairs best first; a pair of a cluster the service did not list gets its own.</summary>
    private List<(DuplicateCluster Cluster, List<CandidatePair> Pairs)> Clusters()
    {
        var byId = results.Pairs.GroupBy(p => p.Cluster).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Scores.Score).ToList());
        var clusters = results.Clusters.Select(c => (c, byId.GetValueOrDefault(c.Cluster) ?? [])).ToList();
        foreach (var (id, pairs) in byId.Where(g => results.Clusters.All(c => c.Cluster != g.Key)).OrderBy(g => g.Key))
        {
            var cluster = new DuplicateCluster { Cluster = id, Pairs = pairs.Count, BestScore = pairs[0].Scores.Score };
            cluster.Members.AddRange(pairs.SelectMany(p => new[] { p.Subject, p.Other }).Distinct());
            clusters.Add((cluster, pairs));
        }
        return clusters;
    }

    private void WriteHeader(TextWriter output, JobStatus status, int clusterCount)
    {
        output.WriteLine("<header>");
        output.WriteLine($"<h1>Adjudication report: dedup job {Text(status.JobId)}</h1>");
        output.WriteLine("<p class=\"sensitive\">This report shows biometric data (fingerprints and faces). Keep it only where " +
            "biometric data may be stored, give it only to the adjudicators of this job, and delete it when the adjudication is done.</p>");
        if (!DedupOutput.IsFinal(status.State))
        {
            output.WriteLine($"<p class=\"notice\">The job is {Text(DedupOutput.State(status.State))}: these are the pairs found so far.</p>");
        }
        if (samples is null)
        {
            output.WriteLine("<p class=\"notice\">No manifest was given: ids and scores only, no images.</p>");
        }
        output.WriteLine("<table class=\"job\">");
        Row(output, "job", status.JobId);
        Row(output, "state", DedupOutput.State(status.State) + (status.Failure.Length > 0 ? $": {status.Failure}" : ""));
        if (status.Label.Length > 0)
        {
            Row(output, "label", status.Label);
        }
        Row(output, "gallery", status.Gallery);
        Row(output, "searched against", status.AgainstGallery.Length == 0 ? "itself" : $"gallery {status.AgainstGallery}");
        Row(output, "modalities", status.Modalities switch
        {
            JobModalities.Fingerprints => "fingerprints only",
            JobModalities.Face => "face only",
            _ => "fingerprints and face, fused",
        });
        Row(output, "target FPIR", status.TargetFalsePositiveIdentificationRate.ToString("G4", CultureInfo.InvariantCulture));
        Row(output, "threshold", ServiceOutput.Score(status.Threshold));
        Row(output, "gallery as of", Time(status.GalleryAsOf) + " (subjects enrolled later are not part of the job)");
        Row(output, "created / started / ended", $"{Time(status.CreatedAt)} / {Time(status.StartedAt)} / {Time(status.EndedAt)}");
        Row(output, "subjects searched", string.Create(CultureInfo.InvariantCulture, $"{status.SubjectsDone:N0} of {status.SubjectsTotal:N0}"));
        Row(output, "comparisons", status.ComparisonsDone.ToString("N0", CultureInfo.InvariantCulture));
        Row(output, "pairs found", status.PairsFound.ToString("N0", CultureInfo.InvariantCulture));
        Row(output, "in this report", string.Create(CultureInfo.InvariantCulture, $"{results.Pairs.Count:N0} pair(s) in {clusterCount:N0} cluster(s)"));
        if (status.SubjectsDeletedSinceStart > 0)
        {
            Row(output, "deleted since the start", status.SubjectsDeletedSinceStart.ToString("N0", CultureInfo.InvariantCulture) + " subject(s); their pairs may be incomplete");
        }
        output.WriteLine("</table>");
        output.WriteLine("</header>");
    }

    private static void WriteIndex(TextWriter output, List<(DuplicateCluster Cluster, List<CandidatePair> Pairs)> clusters)
    {
        output.WriteLine("<nav>");
        output.WriteLine("<h2>Clusters</h2>");
        if (clusters.Count == 0)
        {
            output.WriteLine("<p>No pairs reached the threshold: no duplicates to adjudicate.</p>");
            output.WriteLine("</nav>");
            return;
        }
        output.WriteLine("<table class=\"clusters\">");
        output.WriteLine("<tr><th>cluster</th><th>subjects</th><th>pairs</th><th>best score</th></tr>");
        foreach (var (cluster, pairs) in clusters)
        {
            var members = string.Join(", ", cluster.Members.Select(m => $"<span class=\"subject\">{Text(m.SubjectId)}</span>"));
            output.WriteLine($"<tr><td><a href=\"#cluster-{cluster.Cluster}\">{cluster.Cluster}</a></td><td>{members}</td>" +
                $"<td class=\"number\">{pairs.Count}</td><td class=\"number\">{ServiceOutput.Score(cluster.BestScore)}</td></tr>");
        }
        output.WriteLine("</table>");
        output.WriteLine("</nav>");
    }

    /// <summary>One cluster's section; its members' samples are loaded for it and let go after it. Returns the images written.</summary>
    private int WriteCluster(TextWriter output, DuplicateCluster cluster, List<CandidatePair> pairs)
    {
        var loaded = cluster.Members.Concat(pairs.SelectMany(p => new[] { p.Subject, p.Other })).Distinct()
            .ToDictionary(m => m, m => samples?.Load(m));
        output.WriteLine($"<section class=\"cluster\" id=\"cluster-{cluster.Cluster}\" data-cluster=\"{cluster.Cluster}\">");
        output.WriteLine($"<h2>Cluster {cluster.Cluster}: {cluster.Members.Count} subjects, {pairs.Count} pair(s), best score {ServiceOutput.Score(cluster.BestScore)}</h2>");
        output.WriteLine("<ul class=\"members\">");
        foreach (var member in cluster.Members)
        {
            var note = samples is not null && loaded[member] is null ? " <span class=\"missing\">(not in the manifest)</span>" : "";
            output.WriteLine($"<li>gallery {Text(member.Gallery)}: <span class=\"subject\">{Text(member.SubjectId)}</span>{note}</li>");
        }
        output.WriteLine("</ul>");
        var images = 0;
        foreach (var pair in pairs)
        {
            images += WritePair(output, pair, loaded[pair.Subject], loaded[pair.Other]);
        }
        output.WriteLine("</section>");
        return images;
    }

    private int WritePair(TextWriter output, CandidatePair pair, SubjectSamples? subject, SubjectSamples? other)
    {
        var scores = pair.Scores;
        var (a, b) = (Subject(pair.Subject), Subject(pair.Other));
        output.WriteLine($"<article class=\"pair\" data-score=\"{ServiceOutput.Score(scores.Score)}\">");
        output.WriteLine($"<h3>{a} and {b}: score {ServiceOutput.Score(scores.Score)}</h3>");
        output.WriteLine("<table class=\"scores\">");
        output.WriteLine("<tr><th>fused</th><th>fingerprints</th><th>face</th></tr>");
        output.WriteLine($"<tr><td class=\"number\">{ServiceOutput.Score(scores.Score)}</td>" +
            $"<td class=\"number\">{(scores.HasFingerprintScore ? ServiceOutput.Score(scores.FingerprintScore) : "-")}</td>" +
            $"<td class=\"number\">{(scores.HasFaceScore ? ServiceOutput.Score(scores.FaceScore) : "-")}</td></tr>");
        output.WriteLine("</table>");

        var figures = new List<string>();
        var images = 0;
        if (scores.FingerScores.Count > 0)
        {
            output.WriteLine("<table class=\"fingers\">");
            output.WriteLine("<tr><th>finger</th><th>score</th><th>recomputed from the samples</th></tr>");
            foreach (var finger in scores.FingerScores)
            {
                var name = FingerPositions.Name(finger.Position);
                var left = subject?.Fingers.GetValueOrDefault(finger.Position);
                var right = other?.Fingers.GetValueOrDefault(finger.Position);
                string recomputed;
                if (left?.Template is not null && right?.Template is not null)
                {
                    var explanation = MatchExplanation.Explain(left.Template, right.Template);
                    recomputed = $"{ServiceOutput.Score(explanation.Score)}, {explanation.Pairs.Count} minutiae paired";
                    figures.Add(FingerFigure(name, pair, left, right, explanation));
                    images++;
                }
                else
                {
                    recomputed = Missing(pair, left, right, name);
                }
                output.WriteLine($"<tr><td>{Text(name)}</td><td class=\"number\">{ServiceOutput.Score(finger.Score)}</td><td>{recomputed}</td></tr>");
            }
            output.WriteLine("</table>");
        }
        foreach (var figure in figures)
        {
            output.WriteLine(figure);
        }
        images += WriteFaces(output, pair, subject?.Face, other?.Face);
        output.WriteLine("</article>");
        return images;
    }

    private static string FingerFigure(string name, CandidatePair pair, FingerSample left, FingerSample right, MatchExplanation explanation)
    {
        var png = ReportImages.FingerComparison(left, right, explanation);
        var (width, height) = PngSize(png);
        var alt = $"{name} of {pair.Subject.SubjectId} (left) and of {pair.Other.SubjectId} (right), {explanation.Pairs.Count} paired minutiae linked";
        var source = (FingerSample s) => s.Image is null ? $"template {Text(s.File)} (no image: minutiae on white)" : Text(s.File);
        return $"<figure class=\"finger\" data-position=\"{Text(name)}\">" +
            $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" width=\"{width}\" height=\"{height}\" alt=\"{Text(alt)}\">" +
            $"<figcaption>{Text(name)}: {Subject(pair.Subject)} ({source(left)}, {left.Template!.Minutiae.Count} minutiae) left, " +
            $"{Subject(pair.Other)} ({source(right)}, {right.Template!.Minutiae.Count} minutiae) right, at 500 dpi; " +
            $"the {explanation.Pairs.Count} minutiae paired with the left print laid on the right one in matching colours, linked; " +
            "grey marks are minutiae left unpaired.</figcaption></figure>";
    }

    private int WriteFaces(TextWriter output, CandidatePair pair, FaceSample? left, FaceSample? right)
    {
        if (left?.Image is null || right?.Image is null)
        {
            if (samples is not null && (left is not null || right is not null))
            {
                output.WriteLine($"<p class=\"missing\">Faces not shown: {FaceGap(pair.Subject, left)}; {FaceGap(pair.Other, right)}.</p>");
            }
            return 0;
        }
        output.WriteLine("<figure class=\"face-pair\">");
        output.WriteLine("<div class=\"faces\">");
        foreach (var (member, face) in new[] { (pair.Subject, left), (pair.Other, right) })
        {
            var jpeg = ReportImages.Face(face.Image!);
            output.WriteLine($"<img src=\"data:image/jpeg;base64,{Convert.ToBase64String(jpeg)}\" alt=\"{Text($"face of {member.SubjectId}")}\">");
        }
        output.WriteLine("</div>");
        output.WriteLine($"<figcaption>Faces: {Subject(pair.Subject)} ({Text(left.File)}) left, {Subject(pair.Other)} ({Text(right.File)}) right.</figcaption>");
        output.WriteLine("</figure>");
        return 2;
    }

    /// <summary>Why a finger of a pair is not drawn, once per subject lacking it.</summary>
    private string Missing(CandidatePair pair, FingerSample? left, FingerSample? right, string name)
    {
        if (samples is null)
        {
            return "-";
        }
        var reasons = new[] { (pair.Subject, left), (pair.Other, right) }
            .Where(side => side.Item2?.Template is null)
            .Select(side => side.Item2 is null
                ? $"no {Text(name)} of {Subject(side.Item1)} in the manifest"
                : $"{Subject(side.Item1)}: {Text(side.Item2.File)} unreadable ({Text(side.Item2.Problem ?? "")})");
        return $"<span class=\"missing\">{string.Join("; ", reasons)}</span>";
    }

    private static string FaceGap(JobSubject member, FaceSample? face) =>
        face is null ? $"no face of {Subject(member)} in the manifest"
        : face.Image is null ? $"{Subject(member)}: {Text(face.File)} unreadable ({Text(face.Problem ?? "")})"
        : $"{Subject(member)} has one";

    /// <summary>Width and height from a PNG's IHDR chunk, for the img element's size attributes.</summary>
    private static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

    private static string Subject(JobSubject member) => $"<span class=\"subject\">{Text(member.SubjectId)}</span>";

    private static void Row(TextWriter output, string name, string value) =>
        output.WriteLine($"<tr><th>{Text(name)}</th><td>{Text(value)}</td></tr>");

    private static string Time(Timestamp? at) => at is null ? "-" : Time(at.ToDateTimeOffset());

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Text from data, safe in element content and in double-quoted attributes.</summary>
    private static string Text(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>What a report holds: clusters, pairs and images.</summary>
internal readonly record struct ReportCounts(int Clusters, int Pairs, int Images);
