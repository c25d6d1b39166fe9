using Matcher.Cli.Commands.Faces;
using Matcher.Cli.Display;
using Matcher.Face;
using Matcher.Population.Validation;

namespace Matcher.Cli.Commands.Population;

/// <summary>
/// The real faces the population commands compare with: every image of the LFW and ORL folders under the datasets
/// root (one sub-folder per person), embedded by the face engine as the service embeds them.
/// </summary>
internal static class RealFaceSet
{
    public static readonly string[] Roots = ["faces/lfw", "faces/orl-att"];

    public static IReadOnlyList<RealFace> Load(FaceEngine engine, string datasetsRoot, IProgress<ProgressStep> progress)
    {
        var faces = new List<RealFace>();
        foreach (var relative in Roots)
        {
            var root = Path.Combine(datasetsRoot, relative);
            if (!Directory.Exists(root))
            {
                continue;
            }
            var byPerson = FacePairList.ImagesByPerson(root);
            var set = FaceImageSet.Extract(engine, root, byPerson.Values.SelectMany(images => images), progress);
            foreach (var (person, images) in byPerson)
            {
                faces.AddRange(images.Where(set.Embeddings.ContainsKey)
                    .Select(image => new RealFace($"{relative}/{person}", set.Embeddings[image].Values.ToArray())));
            }
        }
        return faces;
    }

    /// <summary>
    /// Splits people (not images) in two by their order: the faces a basis is taken from and the held-out faces it is
    /// checked against, so that no real face is compared with synthetic faces shaped by itself.
    /// </summary>
    public static (List<RealFace> Basis, List<RealFace> HeldOut) SplitByPerson(IReadOnlyList<RealFace> faces)
    {
        var people = faces.Select(f => f.Person).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((person, index) => (person, index)).ToDictionary(p => p.person, p => p.index % 2 == 0, StringComparer.Ordinal);
        return ([.. faces.Where(f => people[f.Person])], [.. faces.Where(f => !people[f.Person])]);
    }
}
