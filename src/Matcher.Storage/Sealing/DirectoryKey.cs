using Matcher.Sealing;
using Matcher.Sealing.Keys;
using Matcher.Storage.Log;

namespace Matcher.Storage.Sealing;

/// <summary>
/// The data key of a sealed data directory, kept wrapped by the master key in the file <see cref="FileName"/> beside
/// the data. A directory is sealed exactly when this file exists; it is created with the directory's first record
/// and replaced atomically (temporary file, fsync, rename, fsync of the directory) when the master key rotates.
/// </summary>
public static class DirectoryKey
{
    public const string FileName = "SEALING-KEY";

    public static string PathIn(string directory) => System.IO.Path.Combine(directory, FileName);

    public static bool IsSealed(string directory) => File.Exists(PathIn(directory));

    /// <summary>
    /// Re-wraps the directory's data key from <paramref name="current"/> to <paramref name="next"/>; the records stay
    /// as they are. Offline: the directory must not be open in a running service.
    /// </summary>
    /// <returns>The id of the data key that was re-wrapped.</returns>
    /// <exception cref="SealingException">
    /// The directory is not sealed, is open in a running service, or <paramref name="current"/> is not its master key.
    /// </exception>
    public static string Rotate(string directory, MasterKey current, MasterKey next)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        var path = PathIn(directory);
        if (!File.Exists(path))
        {
            throw new SealingException($"The data directory '{directory}' is not sealed: it has no {FileName} file, so there is no data key to re-wrap.");
        }
        using var inUse = LockOffline(directory);
        var dataKey = DataKey.Unwrap(File.ReadAllBytes(path), current, $"'{path}'");
        WriteAtomically(directory, dataKey.WrapWith(next));
        using var sealer = dataKey.CreateSealer();
        return sealer.KeyId;
    }

    /// <summary>
    /// <see cref="Rotate"/> for <paramref name="directory"/> and every sealed directory under it (a node's data directory
    /// holds the job log in a folder of its own, sealed with its own data key). Every key is checked to open with
    /// <paramref name="current"/> before any is re-wrapped, so a wrong key changes nothing.
    /// </summary>
    /// <returns>Each sealed directory, parent first, and the id of its data key.</returns>
    /// <exception cref="SealingException">No directory there is sealed, one is in use, or one does not open with <paramref name="current"/>.</exception>
    public static IReadOnlyList<(string Directory, string KeyId)> RotateAll(string directory, MasterKey current, MasterKey next)
    {
        var sealedDirectories = Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).Prepend(directory)
            .Where(IsSealed).Order(StringComparer.Ordinal).ToList();
        if (sealedDirectories.Count == 0)
        {
            throw new SealingException($"The data directory '{directory}' is not sealed: neither it nor a folder under it has a {FileName} file.");
        }
        foreach (var sealedDirectory in sealedDirectories)
        {
            var path = PathIn(sealedDirectory);
            DataKey.Unwrap(File.ReadAllBytes(path), current, $"'{path}'");
        }
        return sealedDirectories.Select(d => (d, Rotate(d, current, next))).ToList();
    }

    /// <summary>
    /// The sealer of an opening directory, or null for a plaintext one. A new (empty) directory opened with a master
    /// key gets its data key here.
    /// </summary>
    /// <exception cref="SealingException">The directory's sealing does not match <paramref name="master"/>.</exception>
    internal static RecordSealer? Open(string directory, MasterKey? master)
    {
        var path = PathIn(directory);
        if (File.Exists(path))
        {
            if (master is null)
            {
                throw new SealingException(
                    $"The data directory '{directory}' is sealed (its data key is wrapped in '{path}') but no master key was given. " +
                    "Start with the master key it was sealed with.");
            }
            return DataKey.Unwrap(File.ReadAllBytes(path), master, $"'{path}'").CreateSealer();
        }
        if (master is null)
        {
            return null;
        }
        if (FirstDataFile(directory) is { } data)
        {
            throw new SealingException(
                $"The data directory '{directory}' holds plaintext records ('{System.IO.Path.GetFileName(data)}') and no {FileName} file, but a master key was " +
                $"given ({master.Source}). A plaintext directory cannot be sealed in place: start it without a master key, or start a sealed node on " +
                "an empty data directory and import the subjects into it again. " +
                $"If this directory was sealed, its {FileName} file is missing: restore it from a backup.");
        }
        var dataKey = DataKey.Generate();
        WriteAtomically(directory, dataKey.WrapWith(master));
        return dataKey.CreateSealer();
    }

    private static FileStream LockOffline(string directory)
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(directory, LogFileNames.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new SealingException($"The data directory '{directory}' is in use by a running matcher; stop it before rotating the master key.", e);
        }
    }

    private static string? FirstDataFile(string directory) =>
        Directory.EnumerateFiles(directory).FirstOrDefault(path =>
        {
            var name = System.IO.Path.GetFileName(path);
            return LogFileNames.TryParseSnapshot(name, out _) || (LogFileNames.TryParseSegment(name, out _) && new FileInfo(path).Length > 0);
        });

    private static void WriteAtomically(string directory, byte[] wrapped)
    {
        var path = PathIn(directory);
        var temporary = path + LogFileNames.TemporarySuffix;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(wrapped);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        IO.DirectorySync.Flush(directory);
    }
}
