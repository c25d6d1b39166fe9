namespace Matcher.Gallery.Search;

/// <summary>Which subjects a search may return: some galleries and/or some subject ids; null means no restriction.</summary>
public sealed record SearchScope(IReadOnlySet<string>? Galleries = null, IReadOnlySet<string>? SubjectIds = null)
{
    public static SearchScope Everything { get; } = new();

    public bool IncludesGallery(string gallery) => Galleries is null || Galleries.Contains(gallery);
}
