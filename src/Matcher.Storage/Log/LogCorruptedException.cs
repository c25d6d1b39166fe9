namespace Matcher.Storage.Log;

/// <summary>
/// The data directory holds damage that cannot be explained by a crash during the last write, for example a bad
/// record in an older segment or a missing segment. Opening stops rather than silently dropping enrollments; an
/// operator must restore the directory from a backup or replica.
/// </summary>
public sealed class LogCorruptedException(string message, string filePath, long offset) : IOException(message)
{
    public string FilePath { get; } = filePath;

    /// <summary>Byte offset in <see cref="FilePath"/> where the damage starts.</summary>
    public long Offset { get; } = offset;
}
