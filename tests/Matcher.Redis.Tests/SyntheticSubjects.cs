namespace Matcher.Redis.Tests;

/// <summary>
/// Subject payloads of realistic size (two ~300 B finger templates and a 2 KiB face embedding) from a fixed seed;
/// the cache treats them as opaque bytes, so their content only has to differ from subject to subject.
/// </summary>
internal static class SyntheticSubjects
{
    public static byte[] Payload(Random random)
    {
        var payload = new byte[random.Next(2400, 2800)];
        random.NextBytes(payload);
        return payload;
    }

    /// <summary>A random stream of enrollments, deletes and re-enrollments over a small set of subjects.</summary>
    public static List<(string Gallery, string SubjectId, byte[]? Payload)> ChangeStream(int seed, int changes, int subjects, params string[] galleries)
    {
        var random = new Random(seed);
        var stream = new List<(string, string, byte[]?)>(changes);
        for (var i = 0; i < changes; i++)
        {
            var gallery = galleries[random.Next(galleries.Length)];
            var subject = $"S{random.Next(subjects):D5}";
            stream.Add((gallery, subject, random.Next(4) == 0 ? null : Payload(random)));
        }
        return stream;
    }
}
