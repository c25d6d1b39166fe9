using System.Security.Cryptography;

namespace Matcher.Face.Models;

/// <summary>Reads a model file and refuses it unless it is the exact file the manifest names.</summary>
internal static class ModelFile
{
    public const string FetchCommand = "./scripts/fetch-models.sh";

    public static byte[] ReadVerified(string directory, ModelEntry entry)
    {
        var path = Path.Combine(directory, entry.File);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Face model file '{path}' is missing. Fetch the models with '{FetchCommand}' from the repository root.", path);
        }
        if (string.IsNullOrWhiteSpace(entry.Sha256))
        {
            throw new InvalidDataException(
                $"The manifest gives no SHA-256 for '{entry.File}'; run '{FetchCommand}' to record it before the model can be used.");
        }
        var bytes = File.ReadAllBytes(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"Face model file '{path}' has SHA-256 {actual} but the manifest expects {entry.Sha256}; refusing to load it. " +
                $"Re-fetch with '{FetchCommand}' or update the manifest deliberately.");
        }
        return bytes;
    }
}
