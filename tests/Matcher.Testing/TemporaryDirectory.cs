namespace Matcher.Testing;

/// <summary>A fresh directory on the real file system, deleted afterwards.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "matcher-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies every file into a new temporary directory, so one written log can be damaged many ways.</summary>
    public TemporaryDirectory CopyFiles()
    {
        var copy = new TemporaryDirectory();
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            File.Copy(file, copy.Combine(System.IO.Path.GetFileName(file)));
        }
        return copy;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
