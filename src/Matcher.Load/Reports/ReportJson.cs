using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matcher.Load;

/// <summary>The JSON form of a <see cref="LoadReport"/>: snake_case names, indented, enums as text.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write(LoadReport report) => JsonSerializer.Serialize(report, Options);

    public static LoadReport Read(string json) =>
        JsonSerializer.Deserialize<LoadReport>(json, Options) ?? throw new JsonException("The report is empty.");
}
