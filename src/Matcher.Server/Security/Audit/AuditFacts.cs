using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Matcher.Server.Requests;
using Matcher.Security.Audit;

namespace Matcher.Server.Security.Audit;

/// <summary>
/// What an audit record says about a request and its answer, read from the contract's field names so every RPC is
/// covered alike: galleries (<c>gallery</c>, <c>galleries</c>), subjects (<c>subject_id</c>, <c>subject_ids</c>), the
/// decision (an <c>outcome</c> enum or a <c>match</c> flag), the <c>candidates</c>' ids, and top-level counts. Bytes,
/// floating-point values (scores, thresholds) and nested samples are never read, so no biometric data can leak in.
/// </summary>
internal static class AuditFacts
{
    /// <summary>Most ids one record lists; a stream's subjects are spread over progress records of this size.</summary>
    public const int MaxListed = 1000;

    /// <summary><paramref name="record"/> with what <paramref name="request"/> names; unchanged for a message that is not protobuf.</summary>
    public static AuditRecord OfRequest(AuditRecord record, IMessage? request)
    {
        if (request is null)
        {
            return record;
        }
        var gallery = StringField(request, "gallery") is { } named ? Gallery(named) : null;
        var galleries = StringList(request, "galleries").Select(Gallery).ToList();
        if (gallery is not null)
        {
            galleries.Insert(0, gallery);
        }
        var subjects = new List<AuditSubject>();
        if (StringField(request, "subject_id") is { Length: > 0 } subject)
        {
            subjects.Add(new AuditSubject(gallery ?? "", subject));
        }
        subjects.AddRange(StringList(request, "subject_ids").Take(MaxListed).Select(id => new AuditSubject("", id)));
        return record with { Galleries = galleries.Distinct().ToList(), Subjects = subjects };
    }

    public static AuditRecord OfResponse(AuditRecord record, IMessage? response) => response is null ? record : record with
    {
        Decision = Decision(response),
        Candidates = Candidates(response),
        Detail = Counts(response),
    };

    /// <summary>The subject one message of a stream names (an import), or null.</summary>
    public static AuditSubject? SubjectOf(IMessage message) =>
        StringField(message, "subject_id") is { Length: > 0 } subject ? new AuditSubject(Gallery(StringField(message, "gallery") ?? ""), subject) : null;

    private static string Gallery(string name) => name.Length == 0 ? RequestValidation.DefaultGallery : name;

    private static string Decision(IMessage response)
    {
        if (Field(response, "outcome") is { FieldType: FieldType.Enum, IsRepeated: false } outcome)
        {
            var number = Convert.ToInt32(outcome.Accessor.GetValue(response), CultureInfo.InvariantCulture);
            var name = outcome.EnumType.FindValueByNumber(number)?.Name ?? number.ToString(CultureInfo.InvariantCulture);
            var prefix = EnumPrefix(outcome.EnumType.Name);
            return name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
        }
        if (Field(response, "match") is { FieldType: FieldType.Bool, IsRepeated: false } match)
        {
            return (bool)match.Accessor.GetValue(response) ? "match" : "no match";
        }
        return "";
    }

    private static List<AuditSubject> Candidates(IMessage response)
    {
        if (Field(response, "candidates") is not { FieldType: FieldType.Message, IsRepeated: true } candidates)
        {
            return [];
        }
        return ((IList)candidates.Accessor.GetValue(response)).Cast<IMessage>().Take(MaxListed)
            .Select(c => new AuditSubject(StringField(c, "gallery") ?? "", StringField(c, "subject_id") ?? "")).ToList();
    }

    /// <summary>Top-level integer fields as name=value (subjects imported, written, searched...).</summary>
    private static string Counts(IMessage response) => string.Join(" ", response.Descriptor.Fields.InFieldNumberOrder()
        .Where(f => !f.IsRepeated && f.FieldType is FieldType.UInt64 or FieldType.UInt32 or FieldType.Int64 or FieldType.Int32)
        .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name}={f.Accessor.GetValue(response)}")));

    /// <summary>EnrollOutcome values are named ENROLL_OUTCOME_...; the record keeps what follows.</summary>
    private static string EnumPrefix(string enumName) =>
        string.Concat(enumName.Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : $"{char.ToUpperInvariant(c)}")) + "_";

    private static FieldDescriptor? Field(IMessage message, string name) => message.Descriptor.FindFieldByName(name);

    private static string? StringField(IMessage message, string name) =>
        Field(message, name) is { FieldType: FieldType.String, IsRepeated: false } field ? (string)field.Accessor.GetValue(message) : null;

    private static IEnumerable<string> StringList(IMessage message, string name) =>
        Field(message, name) is { FieldType: FieldType.String, IsRepeated: true } field ? ((IList)field.Accessor.GetValue(message)).Cast<string>() : [];
}
