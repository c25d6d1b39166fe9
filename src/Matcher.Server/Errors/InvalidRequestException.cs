namespace Matcher.Server.Errors;

/// <summary>A request field that is missing or out of range; becomes InvalidArgument with a BadRequest field violation.</summary>
internal sealed class InvalidRequestException(string field, string description) : Exception(description)
{
    public string Field { get; } = field;
}
