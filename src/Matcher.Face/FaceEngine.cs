using System.Collections.Concurrent;
using Matcher.Core.Errors;
using Matcher.Face.Alignment;
using Matcher.Face.Detection;
using Matcher.Face.Embedding;
using Matcher.Face.Landmarks;
using Matcher.Face.Quality;
using Matcher.Face.Sampling;
using Matcher.Imaging;

namespace Matcher.Face;

/// <summary>
/// The face pipeline: decode, detect (the applicant's face: the prominent face nearest the centre), 68 landmarks to
/// five points, similarity alignment to 112x112, embedding, quality and liveness. One instance loads the models once
/// and serves any number of threads.
/// </summary>
public sealed class FaceEngine : IDisposable
{
    private static readonly PixelLayout AlignedGrayLayout = new(ChannelOrder.Gray, 0, 1);

    private readonly FaceEngineOptions _options;
    private readonly FaceModels _models;
    private readonly ConcurrentBag<FaceWorkspace> _workspaces = [];

    private FaceEngine(FaceEngineOptions options, FaceModels models)
    {
        _options = options;
        _models = models;
    }

    /// <summary>The id every embedding of this engine carries; embeddings with another id cannot be compared.</summary>
    public string EmbeddingModelId => _models.Embedder.ModelId;

    /// <summary>Length of this engine's embeddings (128 or 512).</summary>
    public int EmbeddingDimension => _models.Embedder.Dimension;

    /// <summary>Maps a cosine similarity of two embeddings of this model to the shared calibrated score scale.</summary>
    public double ScoreOfSimilarity(double cosineSimilarity) => _models.Embedder.Calibration.ToScore(cosineSimilarity);

    public FaceEngineOptions Options => _options;

    /// <summary>Loads and verifies the models. Missing or altered model files fail here, naming the file and the fix.</summary>
    public static FaceEngine Load(FaceEngineOptions? options = null)
    {
        options ??= new FaceEngineOptions();
        options.Validate();
        return new FaceEngine(options, FaceModels.Load(options));
    }

    /// <summary>Decodes an encoded image (JPEG, PNG, BMP, WebP, TIFF, PGM, PPM) and extracts its face.</summary>
    public FaceSample Extract(ReadOnlySpan<byte> encodedImage) =>
        Extract(ImageDecoder.DecodeRgb(encodedImage, _options.ImageLimits));

    public FaceSample Extract(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var workspace = RentWorkspace();
        try
        {
            return Extract(image, workspace);
        }
        finally
        {
            _workspaces.Add(workspace);
        }
    }

    /// <summary>
    /// Extracts many images in parallel (<see cref="FaceEngineOptions.BatchParallelism"/> at a time). Results keep the
    /// input order; an image with an input problem yields its error instead of failing the batch.
    /// </summary>
    public IReadOnlyList<FaceExtraction> ExtractBatch(IReadOnlyList<ReadOnlyMemory<byte>> encodedImages, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(encodedImages);
        var results = new FaceExtraction[encodedImages.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.BatchParallelism, CancellationToken = cancellation };
        Parallel.For(0, encodedImages.Count, parallel, i =>
        {
            try
            {
                results[i] = new FaceExtraction(Extract(encodedImages[i].Span), null);
            }
            catch (BiometricInputException e)
            {
                results[i] = new FaceExtraction(null, e);
            }
        });
        return results;
    }

    /// <summary>Compares two embeddings of this engine's model; the score is calibrated (-10 log10 FMR).</summary>
    public FaceComparison Compare(FaceEmbedding first, FaceEmbedding second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.ModelId != EmbeddingModelId)
        {
            throw BiometricInputException.Invalid(
                "face.model_mismatch",
                $"This face embedding was made by model '{first.ModelId}', but the engine uses '{EmbeddingModelId}'; re-extract it from the image.");
        }
        var similarity = first.CosineSimilarity(second);
        return new FaceComparison(similarity, _models.Embedder.Calibration.ToScore(similarity));
    }

    public void Dispose()
    {
        while (_workspaces.TryTake(out var workspace))
        {
            workspace.Dispose();
        }
        _models.Dispose();
    }

    private FaceSample Extract(RgbImage image, FaceWorkspace workspace)
    {
        var forDetection = ReducedImage.Reduce(image, _models.Detector.ReductionFor(image));
        var faces = _models.Detector.Detect(forDetection.Image, workspace.Detector)
            .Select(f => f.Scaled(forDetection.Scale))
            .ToList();
        if (faces.Count == 0)
        {
            throw BiometricInputException.Unusable(FaceReasonCodes.NoneDetected, FaceReasonCodes.Describe(FaceReasonCodes.NoneDetected));
        }
        var face = SubjectFace.Choose(faces, image.Width, image.Height, _options.Quality.SeveralFacesRelativeSize);
        var working = ReducedImage.Reduce(image, face.Height / (FaceAligner.Size * FaceParameters.MaximumDownsampling), forDetection);
        var square = face.ToSquare().Scaled(1 / working.Scale);

        _models.Landmarks.Locate(working.Image, square, workspace.Landmarks, workspace.LandmarkPoints);
        var points = FivePoints.FromIbug68(workspace.LandmarkPoints);
        // Eyes less than a pixel apart (or not numbers) mean the landmarks found nothing to align on.
        if (!(points.InterEyeDistance >= 1))
        {
            throw BiometricInputException.Unusable(FaceReasonCodes.TooSmall, FaceReasonCodes.Describe(FaceReasonCodes.TooSmall));
        }
        FaceAligner.AlignInto(working.Image, points, AlignedGrayLayout, workspace.AlignedGray);
        var pointsInImage = points.Scaled(working.Scale);
        var quality = FaceQualityAssessor.Assess(faces, face, pointsInImage, workspace.AlignedGray, FaceAligner.Size, _options.Quality);
        // Judged before the embedding, the most expensive step, so refused captures cost little.
        if (_options.RejectUnusable && !quality.IsUsable)
        {
            throw BiometricInputException.Unusable(
                quality.Refusals[0], string.Join(" ", quality.Refusals.Select(FaceReasonCodes.Describe)));
        }
        var embedding = _models.Embedder.Embed(working.Image, points, workspace.Embedding);
        double? liveness = _options.ComputeLiveness ? _models.Liveness.Score(working.Image, square, workspace.Liveness) : null;
        return new FaceSample(embedding, faces.Count, face, pointsInImage, quality, liveness);
    }

    private FaceWorkspace RentWorkspace() => _workspaces.TryTake(out var workspace) ? workspace : new FaceWorkspace(_models);
}
