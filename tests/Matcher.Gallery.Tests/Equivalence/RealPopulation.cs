using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>
/// Subjects enrolled from real captures and, for each, a probe made of its other captures. Built once per test class
/// (extraction dominates): 80 FVC fingers at the right index, the 9 CrossMatch people with all their fingers at their
/// positions, LFW and ORL faces; some subjects have fingers and a face, some only one of them. Probes of subjects with
/// both vary: both, only the fingers, only the face. A quarter of the subjects sit in a second gallery.
/// </summary>
public sealed class RealPopulation
{
    private const int FvcSubjectsWithoutFace = 20;
    private const int LfwPeople = 250;
    private const int Decoys = 120;

    private readonly Lazy<Population> _population = new(Build);

    internal Population Require() => _population.Value;

    private static Population Build()
    {
        // Faces first: without the face models the tests skip before spending time on fingerprint extraction.
        var lfw = DatasetSamples.LfwFaces(LfwPeople);
        var orl = DatasetSamples.OrlFaces();
        var fvc = DatasetSamples.FvcFingers(position: 2);
        var crossMatch = DatasetSamples.CrossMatchFingers().GroupBy(f => f.Name[..3]).ToList();
        var fvcFaces = lfw.Take(fvc.Count - FvcSubjectsWithoutFace).ToList();
        var crossMatchFaces = orl.Take(crossMatch.Count).ToList();

        var members = new List<(string Id, IReadOnlyList<CapturePair<EnrolledFinger>> Fingers, CapturePair<EnrolledFace>? Face)>();
        members.AddRange(fvc.Select((finger, i) =>
            ($"fvc-{i:000}", (IReadOnlyList<CapturePair<EnrolledFinger>>)[finger], i < FvcSubjectsWithoutFace ? null : fvcFaces[i - FvcSubjectsWithoutFace])));
        members.AddRange(crossMatch.Select((person, i) =>
            ($"crossmatch-{person.Key}", (IReadOnlyList<CapturePair<EnrolledFinger>>)person.ToList(), (CapturePair<EnrolledFace>?)crossMatchFaces[i])));
        members.AddRange(lfw.Skip(fvcFaces.Count).Concat(orl.Skip(crossMatchFaces.Count))
            .Select(face => ($"face-{face.Name}", (IReadOnlyList<CapturePair<EnrolledFinger>>)[], (CapturePair<EnrolledFace>?)face)));

        var subjects = new List<SubjectRecord>();
        var probes = new List<IReadOnlyList<EnrolledSample>>();
        var decoys = new List<SubjectRecord>();
        for (var i = 0; i < members.Count; i++)
        {
            var (id, fingers, face) = members[i];
            var key = new SubjectKey(i % 4 == 3 ? "watchlist" : "citizens", id);
            subjects.Add(new SubjectRecord(key, [.. fingers.Select(f => f.Enrolled), .. Faces(face, f => f.Enrolled)], DateTimeOffset.UnixEpoch));
            var fullProbe = (IReadOnlyList<EnrolledSample>)[.. fingers.Select(f => f.Probe), .. Faces(face, f => f.Probe)];
            probes.Add((fingers.Count > 0 && face is not null ? i % 3 : 0) switch
            {
                1 => fingers.Select(f => f.Probe).ToList(),
                2 => [face!.Probe],
                _ => fullProbe,
            });
            // A decoy holds exactly the probe's captures: were a deleted one ever returned, it would top the list.
            if (i < Decoys)
            {
                decoys.Add(new SubjectRecord(key with { SubjectId = $"decoy-{id}" }, fullProbe, DateTimeOffset.UnixEpoch));
            }
        }
        return new Population(subjects, probes, decoys, DatasetSamples.FaceScoreOfSimilarity);
    }

    private static IEnumerable<EnrolledSample> Faces(CapturePair<EnrolledFace>? face, Func<CapturePair<EnrolledFace>, EnrolledFace> capture) =>
        face is null ? [] : [capture(face)];
}
