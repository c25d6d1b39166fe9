using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Matcher.Security.Audit;

/// <summary>
/// An audit record as one line of JSON that tools such as jq read as it is: the record's fields, then
/// <c>"hash"</c>, the chain link computed over every byte before it. The body is the line up to that field, so a
/// verifier hashes exactly the bytes that were written, never a re-serialisation.
/// </summary>
public static class AuditLineCodec
{
    private const int HashSize = 32;

    private static readonly byte[] HashField = ",\"hash\":\""u8.ToArray();
    private static readonly byte[] LineEnd = "\"}"u8.ToArray();

    /// <summary>The body (without the closing brace) of <paramref name="record"/> written under <paramref name="keyId"/>.</summary>
    public static byte[] Body(AuditRecord record, string keyId)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", record.Sequence);
            json.WriteString("key", keyId);
            json.WriteString("time", record.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            json.WriteString("host", record.Host);
            json.WriteString("actor", record.Actor);
            json.WriteString("credential", record.Credential);
            json.WriteString("role", record.Role);
            json.WriteString("rpc", record.Rpc);
            json.WriteString("phase", PhaseName(record.Phase));
            json.WriteString("outcome", record.Outcome);
            json.WriteString("decision", record.Decision);
            json.WriteStartArray("galleries");
            foreach (var gallery in record.Galleries)
            {
                json.WriteStringValue(gallery);
            }
            json.WriteEndArray();
            WriteSubjects(json, "subjects", record.Subjects);
            WriteSubjects(json, "candidates", record.Candidates);
            json.WriteString("detail", record.Detail);
            json.WriteString("peer", record.Peer);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan[..^1].ToArray();
    }

    /// <summary>The line: <paramref name="body"/> followed by the hash field and the closing brace.</summary>
    public static byte[] Line(ReadOnlySpan<byte> body, ReadOnlySpan<byte> hash) =>
        [.. body, .. HashField, .. Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hash)), .. LineEnd];

    /// <summary>Splits a line into body and hash and reads the record's fields.</summary>
    /// <exception cref="InvalidDataException">The line is not a well-formed audit record.</exception>
    public static AuditLine Decode(ReadOnlySpan<byte> line)
    {
        var hashStart = line.LastIndexOf(HashField);
        var hexLength = 2 * HashSize;
        if (hashStart < 0 || line.Length != hashStart + HashField.Length + hexLength + LineEnd.Length || !line.EndsWith(LineEnd))
        {
            throw new InvalidDataException("the line does not end with the record's hash.");
        }
        byte[] hash;
        try
        {
            hash = Convert.FromHexString(Encoding.ASCII.GetString(line.Slice(hashStart + HashField.Length, hexLength)));
        }
        catch (FormatException)
        {
            throw new InvalidDataException("the record's hash is not hexadecimal.");
        }
        var body = line[..hashStart].ToArray();
        try
        {
            using var document = JsonDocument.Parse((byte[])[.. body, (byte)'}']);
            var root = document.RootElement;
            var record = new AuditRecord
            {
                Sequence = root.GetProperty("seq").GetInt64(),
                Time = DateTimeOffset.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Host = Text(root, "host"),
                Actor = Text(root, "actor"),
                Credential = Text(root, "credential"),
                Role = Text(root, "role"),
                Rpc = Text(root, "rpc"),
                Phase = ParsePhase(Text(root, "phase")),
                Outcome = Text(root, "outcome"),
                Decision = Text(root, "decision"),
                Galleries = [.. root.GetProperty("galleries").EnumerateArray().Select(g => g.GetString()!)],
                Subjects = Subjects(root, "subjects"),
                Candidates = Subjects(root, "candidates"),
                Detail = Text(root, "detail"),
                Peer = Text(root, "peer"),
            };
            return new AuditLine(record, Text(root, "key"), body, hash);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"the record's fields cannot be read ({e.Message}).");
        }
    }

    public static string PhaseName(AuditPhase phase) => phase switch
    {
        AuditPhase.Attempt => "attempt",
        AuditPhase.Progress => "progress",
        _ => "outcome",
    };

    private static AuditPhase ParsePhase(string name) => name switch
    {
        "attempt" => AuditPhase.Attempt,
        "progress" => AuditPhase.Progress,
        "outcome" => AuditPhase.Outcome,
        _ => throw new FormatException($"phase '{name}' is not known"),
    };

    private static void WriteSubjects(Utf8JsonWriter json, string name, IReadOnlyList<AuditSubject> subjects)
    {
        json.WriteStartArray(name);
        foreach (var subject in subjects)
        {
            json.WriteStartObject();
            json.WriteString("gallery", subject.Gallery);
            json.WriteString("id", subject.SubjectId);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string Text(JsonElement root, string name) => root.GetProperty(name).GetString()!;

    private static AuditSubject[] Subjects(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(s => new AuditSubject(Text(s, "gallery"), Text(s, "id")))];
}

/// <summary>A decoded line: the record, the id of the key it claims, and the exact bytes and hash the chain covers.</summary>
public sealed record AuditLine(AuditRecord Record, string KeyId, byte[] Body, byte[] Hash);
