using System.Runtime.ExceptionServices;
using Matcher.Contracts.V1;
using Matcher.Fingerprint.Indexing;
using Matcher.Core.Errors;
using Matcher.Server.Errors;

namespace Matcher.Server.Samples;

/// <summary>
/// Validates the samples of a request and extracts them all in parallel. An unusable sample fails the whole request
/// (FailedPrecondition) with the sample named, so the station can recapture exactly that one.
/// </summary>
internal sealed class SamplesReader(FingerprintSampleReader fingerprints, FaceSampleReader faces)
{
    public const int MaxFingers = 10;

    public ReadSamples Read(Contracts.V1.Samples? samples, string field, CancellationToken cancellation)
    {
        if (samples is null || (samples.Fingerprints.Count == 0 && samples.Face is null))
        {
            throw new InvalidRequestException(field, "No samples: send at least one fingerprint or a face.");
        }
        if (samples.Fingerprints.Count > MaxFingers)
        {
            throw new InvalidRequestException($"{field}.fingerprints", $"At most {MaxFingers} fingerprints per request; got {samples.Fingerprints.Count}.");
        }
        var duplicate = samples.Fingerprints.GroupBy(f => f.Position).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidRequestException($"{field}.fingerprints", $"Finger position {(int)duplicate.Key} appears more than once.");
        }

        var fingers = new EnrolledFinger[samples.Fingerprints.Count];
        ReadFace? face = null;
        var work = Enumerable.Range(0, fingers.Length + (samples.Face is null ? 0 : 1)).ToArray();
        try
        {
            // Templates and embeddings read in microseconds: spreading them over threads would cost more than it saves,
            // and an import already reads its subjects in parallel.
            var parallelism = HasImage(samples) ? -1 : 1;
            Parallel.ForEach(work, new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = parallelism }, item =>
            {
                if (item < fingers.Length)
                {
                    var sample = samples.Fingerprints[item];
                    fingers[item] = Named($"Finger {(int)sample.Position}",
                        () => fingerprints.Read(sample, $"{field}.fingerprints[{item}]", requirePosition: true));
                }
                else
                {
                    face = Named("Face", () => faces.Read(samples.Face!, $"{field}.face"));
                }
            });
        }
        catch (AggregateException e)
        {
            // Report the first problem as if the samples had been read one by one.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var quality = fingers.Select(f => new SampleQuality { Sample = $"finger {f.Position}", Score = (uint)Math.Clamp(f.Quality, 0, 100), Usable = true }).ToList();
        if (face is not null)
        {
            quality.Add(new SampleQuality { Sample = "face", Score = (uint)Math.Clamp(face.Quality, 0, 100), Reasons = { face.Reasons }, Usable = true });
        }
        return new ReadSamples(fingers, face, quality);
    }

    private static bool HasImage(Contracts.V1.Samples samples) =>
        samples.Face?.SourceCase == Contracts.V1.FaceSample.SourceOneofCase.Image
        || samples.Fingerprints.Any(f => f.SourceCase is FingerprintSample.SourceOneofCase.Image or FingerprintSample.SourceOneofCase.Raw);

    /// <summary>Prefixes an input problem with the sample it concerns; Parallel.ForEach would otherwise wrap it.</summary>
    private static T Named<T>(string sample, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (BiometricInputException e)
        {
            throw new BiometricInputException(e.Problem, e.ReasonCode, $"{sample}: {e.Message}");
        }
    }
}
