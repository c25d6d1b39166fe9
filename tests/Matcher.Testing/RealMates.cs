using System.Globalization;
using Matcher.Core.Errors;
using Matcher.Core.Subjects;
using Matcher.Face;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;
using Matcher.Population.Validation;

namespace Matcher.Testing;

/// <summary>A real person for the scale benchmark: the record planted in the gallery (or not, for strangers) and probes of other captures.</summary>
public sealed record RealPerson(SubjectRecord Record, IReadOnlyList<IReadOnlyList<EnrolledSample>> Probes, bool Planted);

/// <summary>
/// Real people assembled from the shared datasets, so accuracy at scale is measured on real genuine pairs: ten FVC
/// fingers of ten different real fingers at positions 1-10 make one person, the CrossMatch people keep their own fingers
/// at their positions, and each person gets an LFW face. The first capture is enrolled, every other capture is a probe.
/// Strangers are built the same way from fingers and faces no planted person uses, and are never enrolled. Without a
/// face engine the people have fingers only.
/// </summary>
public static class RealMates
{
    private const int FvcStrangers = 2;

    public static IReadOnlyList<RealPerson> Load(string datasets, FaceEngine? faces, int threads)
    {
        var fvc = RealFingerprintSet.Load(datasets, threads, out _)
            .GroupBy(f => (f.FingerGroup, f.Finger))
            .OrderBy(g => g.Key.FingerGroup, StringComparer.Ordinal).ThenBy(g => g.Key.Finger, StringComparer.Ordinal)
            .Select(g => g.Select(f => f.Template).ToList())
            .ToList();
        var crossMatch = CrossMatchPeople(Path.Combine(datasets, "fingerprints", "neurotech-crossmatch"));
        var fvcPeople = fvc.Count / 10;
        var lfw = faces is null ? [] : LfwFaces(Path.Combine(datasets, "faces", "lfw", "lfw-deepfunneled"), faces, fvcPeople + crossMatch.Count);
        var people = new List<RealPerson>();
        var face = 0;
        for (var person = 0; person < fvcPeople; person++)
        {
            var fingers = Enumerable.Range(0, 10).Select(p => (Position: p + 1, Captures: fvc[person * 10 + p])).ToList();
            people.Add(Person($"real-fvc-{person}", fingers, face < lfw.Count ? lfw[face++] : null, planted: person < fvcPeople - FvcStrangers));
        }
        foreach (var (name, fingers) in crossMatch)
        {
            people.Add(Person($"real-crossmatch-{name}", fingers, face < lfw.Count ? lfw[face++] : null, planted: true));
        }
        return people;
    }

    private static RealPerson Person(string id, IReadOnlyList<(int Position, List<FingerprintTemplate> Captures)> fingers,
        IReadOnlyList<EnrolledFace>? faces, bool planted)
    {
        var captures = fingers.Min(f => f.Captures.Count);
        IReadOnlyList<EnrolledSample> Capture(int index)
        {
            var samples = fingers.Select(f => (EnrolledSample)new EnrolledFinger(f.Position, f.Captures[index], 60)).ToList();
            if (faces is not null)
            {
                samples.Add(faces[Math.Min(index, faces.Count - 1)]);
            }
            return samples;
        }
        var record = new SubjectRecord(new SubjectKey("population", id), Capture(0), DateTimeOffset.UnixEpoch);
        return new RealPerson(record, Enumerable.Range(1, captures - 1).Select(Capture).ToList(), planted);
    }

    private static List<(string Name, IReadOnlyList<(int Position, List<FingerprintTemplate> Captures)> Fingers)> CrossMatchPeople(string folder)
    {
        var extractor = new FingerprintExtractor();
        var files = Directory.GetFiles(folder, "*.tif").Order(StringComparer.Ordinal).ToList();
        var templates = new FingerprintTemplate?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                templates[i] = extractor.Extract(ImageDecoder.DecodeGray(File.ReadAllBytes(files[i])), 500).Template;
            }
            catch (BiometricInputException)
            {
                templates[i] = null;
            }
        });
        return files.Select((path, i) => (Parts: Path.GetFileNameWithoutExtension(path).Split('_'), Template: templates[i]))
            .Where(f => f.Template is not null)
            .GroupBy(f => f.Parts[0])
            .Select(person => (person.Key, (IReadOnlyList<(int, List<FingerprintTemplate>)>)person
                .GroupBy(f => int.Parse(f.Parts[1], CultureInfo.InvariantCulture))
                .Select(finger => (finger.Key, finger.Select(f => f.Template!).ToList()))
                .ToList()))
            .ToList();
    }

    /// <summary>LFW people with at least two images that both give a face, each as its list of captures.</summary>
    private static List<IReadOnlyList<EnrolledFace>> LfwFaces(string root, FaceEngine engine, int count)
    {
        var people = Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .Select(dir => Directory.GetFiles(dir, "*.jpg").Order(StringComparer.Ordinal).Take(8).ToArray())
            .Where(files => files.Length >= 2)
            .Take(count * 3 / 2)
            .ToList();
        var extracted = engine.ExtractBatch(people.SelectMany(p => p).Select(path => (ReadOnlyMemory<byte>)File.ReadAllBytes(path)).ToList());
        var faces = new List<IReadOnlyList<EnrolledFace>>();
        var next = 0;
        foreach (var files in people)
        {
            var captures = extracted.Skip(next).Take(files.Length)
                .Where(e => e.Sample is not null)
                .Select(e => new EnrolledFace(e.Sample!.Embedding.ModelId, e.Sample.Embedding.Values.ToArray(), (int)Math.Round(e.Sample.Quality.Score)))
                .ToList();
            next += files.Length;
            if (captures.Count >= 2)
            {
                faces.Add(captures);
            }
        }
        return faces.Take(count).ToList();
    }
}
