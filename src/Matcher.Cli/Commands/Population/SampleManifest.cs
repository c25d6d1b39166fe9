using System.Globalization;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;
using Matcher.Fingerprint.Extraction;
using Matcher.Imaging;

namespace Matcher.Cli.Commands.Population;

/// <summary>
/// A folder of legacy samples described by a CSV manifest, one row per sample:
/// <c>subject_id,sample,file,dpi</c>. <c>sample</c> is a finger position (1-10 or a name such as right-index) or
/// <c>face</c>; <c>file</c> an image or a template (ISO 19794-2, ANSI 378, native), relative to the manifest's folder;
/// <c>dpi</c> the scanner resolution of a fingerprint image (250-1200), empty for templates and faces. A subject's rows
/// stand together, each finger position at most once, one face at most. Read as a stream, so a manifest of millions of
/// subjects never sits in memory.
/// </summary>
internal sealed class SampleManifest
{
    public const string Header = "subject_id,sample,file,dpi";

    /// <summary>The service's default message limit: a larger file could never be sent.</summary>
    private const long MaxFileBytes = 32L * 1024 * 1024;

    /// <summary>Enough of a file's start to tell an image's magic number from a template's header.</summary>
    private const int SniffBytes = 16;

    private readonly string _folder;

    private SampleManifest(string path)
    {
        FullPath = Path.GetFullPath(path);
        Name = Path.GetFileName(FullPath);
        _folder = Path.GetDirectoryName(FullPath)!;
    }

    public string FullPath { get; }

    /// <summary>The manifest's file name, for messages.</summary>
    public string Name { get; }

    public static SampleManifest Open(string path) =>
        File.Exists(path) ? new SampleManifest(path) : throw new CliUsageException($"The manifest '{path}' does not exist.");

    /// <summary>The subjects in file order; a mistake in a row ends the enumeration with a <see cref="ManifestException"/> naming its line.</summary>
    public IEnumerable<ManifestSubject> Subjects()
    {
        using var reader = new StreamReader(FullPath, detectEncodingFromByteOrderMarks: true);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var headerSeen = false;
        string? subjectId = null;
        var samples = new List<ManifestSample>();
        foreach (var (line, fields) in CsvRecords.Read(reader, Name))
        {
            if (!headerSeen)
            {
                RequireHeader(line, fields);
                headerSeen = true;
                continue;
            }
            if (fields.Length != 4)
            {
                throw Mistake(line, $"{fields.Length} field(s) where {Header} needs 4 (quote a field that holds a comma).");
            }
            var id = fields[0];
            if (id.Length == 0)
            {
                throw Mistake(line, "the subject id is empty.");
            }
            if (id != subjectId)
            {
                if (subjectId is not null)
                {
                    yield return new ManifestSubject(subjectId, samples);
                    finished.Add(subjectId);
                    samples = [];
                }
                if (finished.Contains(id))
                {
                    throw Mistake(line, $"subject '{id}' has rows elsewhere in the manifest; a subject's rows must stand together.");
                }
                subjectId = id;
            }
            var sample = Sample(line, fields);
            if (samples.Any(s => s.Finger == sample.Finger))
            {
                throw Mistake(line, sample.Finger is { } finger
                    ? $"subject '{id}' has finger {FingerPositions.Name(finger)} twice."
                    : $"subject '{id}' has two faces.");
            }
            samples.Add(sample);
        }
        if (!headerSeen)
        {
            throw new ManifestException($"{Name} is empty; its first line must be the header {Header}.");
        }
        if (subjectId is not null)
        {
            yield return new ManifestSubject(subjectId, samples);
        }
    }

    /// <summary>
    /// Reads the whole manifest once before anything is sent, so that a mistake (a missing file, an image without its
    /// dpi, a template given one) is named before the service has stored a single subject. Returns the subject count.
    /// </summary>
    public int Validate()
    {
        var count = 0;
        foreach (var subject in Subjects())
        {
            foreach (var sample in subject.Samples)
            {
                RequireConsistent(sample, IsImage(sample));
            }
            count++;
        }
        return count;
    }

    /// <summary>The sample's file, bounded to what one message can carry.</summary>
    public byte[] Read(ManifestSample sample)
    {
        try
        {
            var length = new FileInfo(sample.FullPath).Length;
            if (length > MaxFileBytes)
            {
                throw Mistake(sample.Line, $"'{sample.File}' is {length:N0} bytes; a fingerprint or face sample is far smaller (at most {MaxFileBytes:N0}).");
            }
            return File.ReadAllBytes(sample.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Mistake(sample.Line, $"cannot read '{sample.File}': {e.Message}");
        }
    }

    /// <summary>Every sample as the service takes it: images with their dpi, templates with the format left to the service's detection.</summary>
    public ImportSubjectRequest Request(ManifestSubject subject, string gallery)
    {
        var samples = new Samples();
        foreach (var sample in subject.Samples)
        {
            var data = Google.Protobuf.UnsafeByteOperations.UnsafeWrap(Read(sample));
            if (sample.Finger is not { } position)
            {
                samples.Face = new FaceSample { Image = new EncodedImage { Data = data } };
            }
            else if (sample.Dpi is { } dpi)
            {
                samples.Fingerprints.Add(new FingerprintSample { Position = position, Image = new EncodedImage { Data = data, Dpi = (uint)dpi } });
            }
            else
            {
                samples.Fingerprints.Add(new FingerprintSample { Position = position, Template = new FingerprintTemplateData { Data = data } });
            }
        }
        return new ImportSubjectRequest { SubjectId = subject.SubjectId, Gallery = gallery, Samples = samples };
    }

    private void RequireHeader(int line, string[] fields)
    {
        var header = string.Join(",", fields.Select(f => f.Trim())).TrimStart('\uFEFF');
        if (!string.Equals(header, Header, StringComparison.OrdinalIgnoreCase))
        {
            throw Mistake(line, $"the first line must be the header {Header}, not '{header}'.");
        }
    }

    private ManifestSample Sample(int line, string[] fields)
    {
        var (kind, file, dpiText) = (fields[1].Trim(), fields[2], fields[3].Trim());
        FingerPosition? finger = null;
        if (!string.Equals(kind, "face", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                finger = FingerPositions.Parse(kind);
            }
            catch (CliUsageException e)
            {
                throw Mistake(line, $"{e.Message} (or face)");
            }
        }
        if (file.Length == 0)
        {
            throw Mistake(line, "the file is empty.");
        }
        int? dpi = null;
        if (dpiText.Length > 0)
        {
            if (finger is null)
            {
                throw Mistake(line, $"a face has no dpi; leave the dpi empty, not '{dpiText}'.");
            }
            if (!int.TryParse(dpiText, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value is < FingerprintExtractor.MinDpi or > FingerprintExtractor.MaxDpi)
            {
                throw Mistake(line, $"the dpi must be a whole number from {FingerprintExtractor.MinDpi} to {FingerprintExtractor.MaxDpi}, not '{dpiText}'.");
            }
            dpi = value;
        }
        return new ManifestSample(line, finger, file, Path.GetFullPath(Path.Combine(_folder, file)), dpi);
    }

    private bool IsImage(ManifestSample sample)
    {
        if (!File.Exists(sample.FullPath))
        {
            throw Mistake(sample.Line, $"the file '{sample.File}' does not exist (looked for {sample.FullPath}).");
        }
        try
        {
            using var stream = File.OpenRead(sample.FullPath);
            var start = new byte[SniffBytes];
            var read = stream.ReadAtLeast(start, SniffBytes, throwOnEndOfStream: false);
            return ImageDecoder.DetectFormat(start.AsSpan(0, read)) != ImageFormat.Unknown;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Mistake(sample.Line, $"cannot read '{sample.File}': {e.Message}");
        }
    }

    private void RequireConsistent(ManifestSample sample, bool isImage)
    {
        switch (sample.Finger, isImage, sample.Dpi)
        {
            case (null, false, _):
                throw Mistake(sample.Line, $"'{sample.File}' is not an image; a face is a PNG, JPEG, BMP, TIFF, WebP or PGM/PPM file.");
            case (not null, true, null):
                throw Mistake(sample.Line, $"'{sample.File}' is a fingerprint image: give its scanner resolution in the dpi column.");
            case (not null, false, { } dpi):
                throw Mistake(sample.Line, $"'{sample.File}' is not an image, so it is read as a template, which carries its own resolution: leave the dpi empty, not {dpi}.");
        }
    }

    private ManifestException Mistake(int line, string message) => new($"{Name} line {line}: {message}");
}

/// <summary>One subject of a manifest with its samples, in manifest order.</summary>
internal sealed record ManifestSubject(string SubjectId, IReadOnlyList<ManifestSample> Samples);

/// <summary>One row of a manifest: a finger position (null for the face), the file as written and as found, and the dpi of a fingerprint image.</summary>
internal sealed record ManifestSample(int Line, FingerPosition? Finger, string File, string FullPath, int? Dpi);

/// <summary>A mistake in a manifest or a file it names, with the manifest's name and line.</summary>
internal sealed class ManifestException(string message) : Exception(message);
