using Matcher.Core.Errors;
using Matcher.Core.Scoring;
using Matcher.Face.Embedding;
using Matcher.Face.Tests.Support;
using Xunit;

namespace Matcher.Face.Tests.Pipeline;

public sealed class ExtractionTests
{
    [Fact]
    public void EmbeddingIsUnitLengthAndCarriesTheModelId()
    {
        var engine = TestEngine.RequireLenient();

        var sample = engine.Extract(FaceImages.LfwBytes("Abdullah_Gul", 13));

        Assert.Equal(512, sample.Embedding.Dimension);
        Assert.Equal(engine.EmbeddingModelId, sample.Embedding.ModelId);
        var norm = Math.Sqrt(sample.Embedding.Values.ToArray().Sum(v => (double)v * v));
        Assert.Equal(1, norm, 1e-5);
        Assert.Equal(1, sample.FaceCount);
        Assert.InRange(sample.Liveness!.Value, 0, 1);
        Assert.InRange(sample.Quality.Score, 50, 100);
    }

    [Fact]
    public void SamePersonScoresHighAndDifferentPeopleScoreLowOnTheCalibratedScale()
    {
        var engine = TestEngine.RequireLenient();
        var first = engine.Extract(FaceImages.LfwBytes("Abdullah_Gul", 13)).Embedding;
        var second = engine.Extract(FaceImages.LfwBytes("Abdullah_Gul", 14)).Embedding;
        var other = engine.Extract(FaceImages.OrlBytes(1, 1)).Embedding;

        var genuine = engine.Compare(first, second);
        var impostor = engine.Compare(first, other);

        Assert.True(genuine.Similarity > 0.4, $"genuine similarity {genuine.Similarity}");
        Assert.InRange(genuine.Score, 40, MatchScore.Maximum);
        Assert.InRange(impostor.Score, 0, 20);
    }

    [Fact]
    public void BatchGivesTheSameEmbeddingsAsSingleExtractionInInputOrder()
    {
        var engine = TestEngine.RequireLenient();
        var images = new[] { FaceImages.LfwBytes("Abdullah_Gul", 13), [], FaceImages.OrlBytes(2, 3), FaceImages.OrlBytes(5, 1) };

        var batch = engine.ExtractBatch(images.Select(i => new ReadOnlyMemory<byte>(i)).ToList(), TestContext.Current.CancellationToken);

        Assert.False(batch[1].Succeeded);
        Assert.Equal("image.empty", batch[1].Error!.ReasonCode);
        foreach (var i in new[] { 0, 2, 3 })
        {
            Assert.Equal(engine.Extract(images[i]).Embedding.Values.ToArray(), batch[i].Sample!.Embedding.Values.ToArray());
        }
    }

    [Fact]
    public void ComparingEmbeddingsOfDifferentModelsIsAnError()
    {
        var engine = TestEngine.RequireLenient();
        var ours = engine.Extract(FaceImages.OrlBytes(1, 1)).Embedding;
        var foreign = new FaceEmbedding("another-model@000000000000", ours.Values);

        var direct = Assert.Throws<BiometricInputException>(() => ours.CosineSimilarity(foreign));
        var viaEngine = Assert.Throws<BiometricInputException>(() => engine.Compare(foreign, ours));

        Assert.Equal("face.model_mismatch", direct.ReasonCode);
        Assert.Equal("face.model_mismatch", viaEngine.ReasonCode);
    }

    [Fact]
    public void StoredEmbeddingsAreValidated()
    {
        Assert.Equal("face.embedding_invalid", Assert.Throws<BiometricInputException>(() => new FaceEmbedding("m", [float.NaN, 1])).ReasonCode);
        Assert.Equal("face.embedding_invalid", Assert.Throws<BiometricInputException>(() => new FaceEmbedding("m", [0, 0])).ReasonCode);
        Assert.Throws<ArgumentException>(() => new FaceEmbedding("m", []));
        Assert.Equal(1, new FaceEmbedding("m", [3, 4]).CosineSimilarity(new FaceEmbedding("m", [6, 8])), 1e-6);
    }

    [Fact]
    public void TightlyCroppedFacesAreFound()
    {
        var engine = TestEngine.RequireLenient();
        var image = FaceImages.Lfw("Abdullah_Gul", 13);
        var tight = Matcher.Imaging.Resampling.Crop(image, 80, 75, 90, 110);

        var sample = engine.Extract(tight);

        Assert.Equal(1, sample.FaceCount);
        var full = engine.Extract(image);
        Assert.True(sample.Embedding.CosineSimilarity(full.Embedding) > 0.5);
    }

    [Fact]
    public void LargePhotoGivesTheSameFaceAsTheOriginal()
    {
        var engine = TestEngine.RequireLenient();
        var image = FaceImages.Lfw("Abdullah_Gul", 13);
        var large = Matcher.Imaging.Resampling.Resize(image, image.Width * 6, image.Height * 6);

        var original = engine.Extract(image);
        var enlarged = engine.Extract(large);

        Assert.True(enlarged.Embedding.CosineSimilarity(original.Embedding) > 0.85);
        Assert.Equal(original.Quality.InterEyeDistance * 6, enlarged.Quality.InterEyeDistance, original.Quality.InterEyeDistance * 6 * 0.1);
        Assert.Equal(original.Face.Left * 6, enlarged.Face.Left, 15.0);
    }
}
