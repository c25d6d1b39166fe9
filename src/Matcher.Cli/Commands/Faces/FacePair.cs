namespace Matcher.Cli.Commands.Faces;

/// <summary>Two images (paths relative to the image root), whether they show the same person, and an optional fold.</summary>
internal readonly record struct FacePair(string Image1, string Image2, bool Same, int? Fold);
