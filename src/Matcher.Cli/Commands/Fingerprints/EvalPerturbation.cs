using Matcher.Imaging;
using Matcher.Imaging.Perturbation;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// The perturbation `matcher eval fingerprints --perturb` applies to every image before extraction. Each image gets
/// its own seed, the run's seed mixed with a stable hash of the file name, so a run is the same on every machine and an
/// image keeps its perturbation when other files are added to the folder.
/// </summary>
internal sealed record EvalPerturbation(PerturbationKinds Kinds, int Seed)
{
    public GrayImage Apply(GrayImage image, int dpi, string path) =>
        FingerprintPerturbation.Apply(image, dpi, Kinds, SeedFor(Path.GetFileName(path)));

    /// <summary>FNV-1a of the file name mixed with the run's seed (string.GetHashCode differs per process).</summary>
    public int SeedFor(string fileName)
    {
        var hash = 2166136261u ^ (uint)Seed;
        foreach (var c in fileName)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & int.MaxValue);
    }
}
