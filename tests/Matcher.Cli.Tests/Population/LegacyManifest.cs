using System.Text;
using Matcher.Cli.Tests.Service;
using Matcher.Testing;

namespace Matcher.Cli.Tests.Population;

/// <summary>
/// A legacy folder as an operator hands it over: a CSV manifest in a folder of its own, naming real dataset files by
/// paths relative to the manifest (as a copied folder would), FVC2002 DB1_B images (500 dpi), their SecuGen ISO
/// templates and LFW faces.
/// </summary>
internal sealed class LegacyManifest(TemporaryDirectory folder)
{
    private readonly StringBuilder _csv = new("subject_id,sample,file,dpi\n");

    public LegacyManifest Image(string subjectId, string position, int finger, int impression) =>
        Row(subjectId, position, Relative(Service.Cli.Fvc(finger, impression)), "500");

    public LegacyManifest Template(string subjectId, string position, int finger, int impression) =>
        Row(subjectId, position, Relative(Service.Cli.IsoTemplate(finger, impression)), "");

    public LegacyManifest Face(string subjectId, string person, int number) =>
        Row(subjectId, "face", Relative(Service.Cli.Face(person, number)), "");

    /// <summary>A row as given, each field quoted where RFC 4180 needs it.</summary>
    public LegacyManifest Row(string subjectId, string sample, string file, string dpi)
    {
        _csv.AppendLine(string.Join(",", new[] { subjectId, sample, file, dpi }.Select(Quote)));
        return this;
    }

    /// <summary>A line exactly as given, for malformed CSV.</summary>
    public LegacyManifest Raw(string line)
    {
        _csv.AppendLine(line);
        return this;
    }

    /// <summary>A file beside the manifest, for samples that are not dataset files.</summary>
    public string Beside(string name, byte[] content)
    {
        File.WriteAllBytes(folder.Combine(name), content);
        return name;
    }

    public string Write(string name = "legacy.csv")
    {
        var path = folder.Combine(name);
        File.WriteAllText(path, _csv.ToString());
        return path;
    }

    private string Relative(string datasetFile) => Path.GetRelativePath(folder.Path, datasetFile);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
