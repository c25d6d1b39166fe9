using Matcher.Simd.Scan;
using Matcher.Testing;
using Xunit;

namespace Matcher.Simd.Tests.Scan;

/// <summary>
/// Quantisation on real, strongly correlated data: the ORL face images as mean-centred unit pixel vectors. Their
/// cosines are crowded together, which is harder for int8 ranking than random vectors are.
/// </summary>
public sealed class OrlFaceRecallTests
{
    private const int K = 10;

    [Fact]
    public void Int8_scan_ranks_real_face_vectors_like_exact_fp32()
    {
        var (vectors, people) = LoadOrl(Datasets.Require("faces/orl-att"));
        var dimension = vectors[0].Length;
        using var block = new Int8VectorBlock(dimension, vectors.Length);
        foreach (var vector in vectors)
        {
            block.Add(vector);
        }

        double recallSum = 0;
        int exactRankOneCorrect = 0, int8RankOneCorrect = 0;
        for (var probe = 0; probe < vectors.Length; probe++)
        {
            var exact = Enumerable.Range(0, vectors.Length)
                .Where(row => row != probe)
                .OrderByDescending(row => DotProduct.Dot(vectors[probe], vectors[row]))
                .Take(K)
                .ToArray();
            var approximate = Int8Scan.Search(block, block.PrepareQuery(vectors[probe]), K + 1)
                .Select(r => r.Row)
                .Where(row => row != probe)
                .Take(K)
                .ToArray();

            recallSum += exact.Intersect(approximate).Count() / (double)K;
            exactRankOneCorrect += people[exact[0]] == people[probe] ? 1 : 0;
            int8RankOneCorrect += people[approximate[0]] == people[probe] ? 1 : 0;
        }

        var recall = recallSum / vectors.Length;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"ORL 400 x {dimension}: int8 recall@{K} {recall:P2}; rank-1 identification fp32 {exactRankOneCorrect}/400, int8 {int8RankOneCorrect}/400");
        Assert.True(recall >= 0.97, $"recall@{K} of int8 against fp32 was {recall:P1}");
        Assert.InRange(int8RankOneCorrect - exactRankOneCorrect, -2, 2);
        Assert.True(exactRankOneCorrect >= 380, $"fp32 rank-1 identification was {exactRankOneCorrect}/400");
    }

    private static (float[][] Vectors, int[] People) LoadOrl(string root)
    {
        var vectors = new List<float[]>();
        var people = new List<int>();
        for (var person = 1; person <= 40; person++)
        {
            for (var image = 1; image <= 10; image++)
            {
                vectors.Add(CentredUnitVector(ReadPgmPixels(Path.Combine(root, $"s{person}", $"{image}.pgm"))));
                people.Add(person);
            }
        }
        return ([.. vectors], [.. people]);
    }

    /// <summary>Binary PGM ("P5") with 8-bit pixels: four whitespace-separated header fields, then the pixels.</summary>
    private static byte[] ReadPgmPixels(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        var fields = new string[4];
        for (var field = 0; field < fields.Length; field++)
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }
            fields[field] = System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
        }
        Assert.Equal("P5", fields[0]);
        var pixelCount = int.Parse(fields[1]) * int.Parse(fields[2]);
        return bytes.AsSpan(position + 1, pixelCount).ToArray();
    }

    private static float[] CentredUnitVector(byte[] pixels)
    {
        var mean = pixels.Average(p => (double)p);
        var vector = pixels.Select(p => (float)(p - mean)).ToArray();
        var norm = MathF.Sqrt(DotProduct.Dot(vector, vector));
        return vector.Select(v => v / norm).ToArray();
    }
}
