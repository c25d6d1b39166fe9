using System.Text;
using Matcher.Fingerprint.Templates;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;

namespace Matcher.Benchmarks.Storage;

/// <summary>
/// Seeded subjects in the subject record layout (version 1 of SubjectRecordCodec): two real native fingerprint
/// templates of 25 to 60 random minutiae and one unit-length 512-d float32 face embedding, about 2.6 KiB each.
/// </summary>
internal static class RedisSyntheticSubjects
{
    private const int FaceDimension = 512;

    public static IEnumerable<StoredSubject> Generate(int count, int seed, params string[] galleries)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var gallery = galleries[i % galleries.Length];
            var subjectId = $"ID{i:D9}";
            yield return new StoredSubject(new(gallery, subjectId), Encode(random, gallery, subjectId));
        }
    }

    private static byte[] Encode(Random random, string gallery, string subjectId)
    {
        using var stream = new MemoryStream(2800);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write((byte)1);
        WriteString(writer, gallery);
        WriteString(writer, subjectId);
        writer.Write(1_790_000_000_000L + random.Next());
        writer.Write((byte)2);
        foreach (var position in new[] { 2, 7 })
        {
            var template = TemplateCodecs.Export(RandomTemplate(random), TemplateFormat.Native, position);
            writer.Write((byte)position);
            writer.Write((byte)random.Next(40, 100));
            writer.Write(template.Length);
            writer.Write(template);
        }
        writer.Write((byte)1);
        WriteString(writer, "face-512");
        writer.Write((byte)random.Next(40, 100));
        writer.Write((ushort)FaceDimension);
        var embedding = new float[FaceDimension];
        for (var d = 0; d < FaceDimension; d++)
        {
            embedding[d] = (float)(random.NextDouble() * 2 - 1);
        }
        var norm = MathF.Sqrt(embedding.Sum(v => v * v));
        foreach (var value in embedding)
        {
            writer.Write(value / norm);
        }
        writer.Flush();
        return stream.ToArray();
    }

    private static FingerprintTemplate RandomTemplate(Random random)
    {
        var minutiae = new Minutia[random.Next(25, 61)];
        for (var m = 0; m < minutiae.Length; m++)
        {
            minutiae[m] = new Minutia(random.Next(20, 480), random.Next(20, 540), (float)(random.NextDouble() * 2 * Math.PI),
                random.Next(2) == 0 ? MinutiaType.Ending : MinutiaType.Bifurcation, (byte)random.Next(20, 100));
        }
        return new FingerprintTemplate(500, 560, minutiae, (byte)random.Next(30, 100));
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ushort)bytes.Length);
        writer.Write(bytes);
    }
}
