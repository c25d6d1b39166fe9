using Matcher.Server.Errors;

namespace Matcher.Server.Requests;

/// <summary>Checks of the identifiers every request carries.</summary>
internal static class RequestValidation
{
    public const string DefaultGallery = "default";
    public const int MaxIdLength = 128;

    public static string SubjectId(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidRequestException(field, "The subject id is empty.");
        }
        return Identifier(value, field, "subject id");
    }

    /// <summary>An empty gallery name means the default gallery.</summary>
    public static string Gallery(string value, string field) =>
        string.IsNullOrEmpty(value) ? DefaultGallery : Identifier(value, field, "gallery name");

    /// <summary>Request ids become Redis keys and log entries: printable ASCII without spaces keeps them unambiguous.</summary>
    public static string RequestId(string value, string field)
    {
        if (value.Length > MaxIdLength || !value.All(c => c is > ' ' and < '\u007f'))
        {
            throw new InvalidRequestException(field, $"The request id must be 1 to {MaxIdLength} printable ASCII characters without spaces.");
        }
        return value;
    }

    public static int MaxCandidates(uint requested, int defaultValue, string field)
    {
        if (requested > 1000)
        {
            throw new InvalidRequestException(field, $"At most 1000 candidates can be asked for; got {requested}.");
        }
        return requested == 0 ? defaultValue : (int)requested;
    }

    public static double Rate(double? requested, double defaultValue, string field)
    {
        if (requested is not { } rate)
        {
            return defaultValue;
        }
        if (!(rate > 0 && rate < 1))
        {
            throw new InvalidRequestException(field, $"A target error rate lies strictly between 0 and 1; got {rate}.");
        }
        return rate;
    }

    private static string Identifier(string value, string field, string what)
    {
        if (value.Length > MaxIdLength)
        {
            throw new InvalidRequestException(field, $"The {what} is {value.Length} characters long; at most {MaxIdLength} are allowed.");
        }
        if (value.Any(char.IsControl) || value.Trim().Length != value.Length)
        {
            throw new InvalidRequestException(field, $"The {what} contains control characters or leading/trailing spaces.");
        }
        return value;
    }
}
