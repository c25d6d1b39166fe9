namespace Matcher.Enrollment.WarmStart;

/// <summary>
/// The node's id for the Redis writer lease, kept in its data directory: one data directory is one node (the log
/// locks it against a second process), and a node restarted on it, even after a crash, is the same node again.
/// </summary>
internal static class NodeIdentity
{
    private const string FileName = "node-id";

    public static string ReadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }
        var created = $"{Environment.MachineName}-{Guid.NewGuid():N}";
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, created);
        File.Move(temporary, path, overwrite: true);
        return created;
    }
}
